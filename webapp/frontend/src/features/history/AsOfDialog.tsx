import { useQuery } from '@tanstack/react-query';
import { Dialog } from '../../components/Dialog';
import { ErrorBox, Loading } from '../../components/Status';
import { KeyValues } from '../../components/Section';
import { formatDate } from '../../components/format';
import { plainError } from '../../api/errors';
import { fetchAsOf, showValue, type EntityType, type HistoryEntry } from './api';

const MAIN_FIELDS = ['name', 'status', 'type', 'tags', 'system_tags', 'comment', 'last_iteration', 'framework', 'uri',
  'description'];

/** The entity as it was right after a change (`get_by_id` with `as_of` = the change's time). */
export function AsOfDialog({ type, id, entry, onClose }: {
  type: EntityType; id: string; entry: HistoryEntry; onClose: () => void;
}) {
  const state = useQuery({ queryKey: ['history', 'as-of', type, id, entry.time],
    queryFn: () => fetchAsOf(type, id, entry.time) });
  return (
    <Dialog title={`As of ${formatDate(entry.time)} (${entry.kind.replace(/_/g, ' ')})`} onClose={onClose}>
      {state.isPending && <Loading label="Rebuilding the past state…" />}
      {state.isError && <ErrorBox error={plainError(state.error)} />}
      {state.data && (
        <div data-testid="as-of-state">
          <KeyValues entries={MAIN_FIELDS.filter((f) => f in state.data)
            .map((f) => [f, showValue(state.data[f])] as [string, string])} />
          <details>
            <summary>Whole document</summary>
            <pre>{JSON.stringify(state.data, null, 2)}</pre>
          </details>
        </div>
      )}
    </Dialog>
  );
}
