import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Empty, ErrorBox, Loading } from '../../components/Status';
import { plainError } from '../../api/errors';
import { fetchHistory, NO_FILTERS, PAGE_SIZE, touching, type EntityType, type HistoryEntry } from './api';
import { HistoryFilterBar } from './HistoryFilterBar';
import { HistoryEntryItem } from './HistoryEntryItem';
import { AsOfDialog } from './AsOfDialog';

/**
 * The history of one task, model or project, newest first: filters by kind, actor and time (server side), the
 * before/after of each change, the state as of any change, and `?field=` narrowing it to one field's changes.
 */
export function HistoryTimeline({ type, id, live = false }: { type: EntityType; id: string; live?: boolean }) {
  const [filters, setFilters] = useState(NO_FILTERS);
  const [page, setPage] = useState(0);
  const [asOf, setAsOf] = useState<HistoryEntry>();
  const [params, setParams] = useSearchParams();
  const field = params.get('field') ?? '';
  const history = useQuery({
    queryKey: ['history', type, id, filters, page],
    queryFn: () => fetchHistory(type, id, filters, page),
    placeholderData: keepPreviousData,
    refetchInterval: live ? 5_000 : false,
  });
  const setField = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('field', value); else next.delete('field');
    setParams(next, { replace: true });
  };
  const entries = history.data?.entries ?? [];
  const shown = field ? touching(entries, field) : entries;
  const pages = Math.max(1, Math.ceil((history.data?.total ?? 0) / PAGE_SIZE));

  return (
    <section aria-label="History" className="tab-panel">
      <HistoryFilterBar filters={filters} entries={entries}
                        onChange={(f) => { setFilters(f); setPage(0); }} />
      {field && (
        <div className="notice" role="status">
          History of the field <code>{field}</code>
          <button type="button" className="link" onClick={() => setField('')}>Show all fields</button>
        </div>
      )}
      {history.isPending && <Loading label="Loading history…" />}
      {history.isError && <ErrorBox error={plainError(history.error)} />}
      {history.data && (
        <p className="muted small" aria-live="polite" data-testid="history-count">
          {history.data.total} changes{field ? `, ${shown.length} of this page touch ${field}` : ''}
        </p>
      )}
      {history.data && shown.length === 0 && <Empty>No changes match.</Empty>}
      <ol className="timeline">
        {shown.map((entry) => (
          <HistoryEntryItem key={`${entry.seq}-${entry.kind}`} entry={entry} onField={setField} onAsOf={setAsOf} />
        ))}
      </ol>
      {pages > 1 && (
        <div className="toolbar">
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>Newer</button>
          <span className="muted">page {page + 1} of {pages}</span>
          <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>Older</button>
        </div>
      )}
      {asOf && <AsOfDialog type={type} id={id} entry={asOf} onClose={() => setAsOf(undefined)} />}
    </section>
  );
}
