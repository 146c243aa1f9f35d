import { useState } from 'react';
import { Link } from 'react-router';
import { showValue, type HistoryEntry } from './api';
import { formatDate } from '../../components/format';

/** One change: when, who, what kind, in one line; opened, the before/after of every field it changed. */
export function HistoryEntryItem({ entry, onField, onAsOf, entityLink }: {
  entry: HistoryEntry; onField?: (field: string) => void; onAsOf?: (entry: HistoryEntry) => void;
  entityLink?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <li data-testid="history-entry" data-kind={entry.kind}>
      <div className="entry-head">
        <time dateTime={entry.time} className="muted small" title={entry.time}>{formatDate(entry.time)}</time>
        <span className="kind">{entry.kind.replace(/_/g, ' ')}</span>
        {entry.entity && (
          <span className="small">{entry.entity.type}{' '}
            {entityLink ? <Link to={entityLink}>{entry.entity.name ?? entry.entity.id}</Link> : entry.entity.name}
          </span>
        )}
        <span style={{ flex: 1 }}>{entry.description}{entry.count ? ` (${entry.count} reports)` : ''}</span>
        <span className="muted small">{entry.actor?.name ?? entry.actor?.id ?? 'system'}</span>
        {entry.changes.length > 0 && (
          <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Hide changes' : `Changes (${entry.changes.length})`}
          </button>
        )}
        {onAsOf && <button type="button" className="link" onClick={() => onAsOf(entry)}>Show as of this point</button>}
      </div>
      {open && (
        <table className="simple small" aria-label={`Changes of entry ${entry.seq}`}>
          <thead><tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
          <tbody>
            {entry.changes.map((c) => (
              <tr key={c.field}>
                <th scope="row">
                  {onField ? <button type="button" className="link" title="History of this field"
                                     onClick={() => onField(c.field)}>{c.field}</button> : c.field}
                </th>
                <td className="before"><code>{showValue(c.before)}</code></td>
                <td className="after"><code>{showValue(c.after)}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}
