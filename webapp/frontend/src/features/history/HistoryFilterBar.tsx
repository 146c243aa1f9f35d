import { KINDS, type HistoryEntry, type HistoryFilters } from './api';

function toIso(local: string): string {
  return local ? new Date(local).toISOString() : '';
}

function toLocal(iso: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Kind, actor and time range of a history listing; the server filters. */
export function HistoryFilterBar({ filters, onChange, entries }: {
  filters: HistoryFilters; onChange: (filters: HistoryFilters) => void; entries: HistoryEntry[];
}) {
  const actors = new Map<string, string>();
  entries.forEach((e) => e.actor && actors.set(e.actor.id, e.actor.name ?? e.actor.id));
  if (filters.actor && !actors.has(filters.actor)) actors.set(filters.actor, filters.actor);
  return (
    <div className="toolbar" role="group" aria-label="History filters">
      <label>Kind{' '}
        <select aria-label="Kind of change" value={filters.kinds[0] ?? ''}
                onChange={(e) => onChange({ ...filters, kinds: e.target.value ? [e.target.value] : [] })}>
          <option value="">all</option>
          {KINDS.map((k) => <option key={k} value={k}>{k.replace(/_/g, ' ')}</option>)}
        </select>
      </label>
      <label>Actor{' '}
        <select aria-label="Actor" value={filters.actor} onChange={(e) => onChange({ ...filters, actor: e.target.value })}>
          <option value="">anyone</option>
          {Array.from(actors.entries()).map(([id, name]) => <option key={id} value={id}>{name}</option>)}
        </select>
      </label>
      <label>From{' '}
        <input type="datetime-local" aria-label="From time" value={toLocal(filters.from)}
               onChange={(e) => onChange({ ...filters, from: toIso(e.target.value) })} />
      </label>
      <label>To{' '}
        <input type="datetime-local" aria-label="To time" value={toLocal(filters.to)}
               onChange={(e) => onChange({ ...filters, to: toIso(e.target.value) })} />
      </label>
    </div>
  );
}
