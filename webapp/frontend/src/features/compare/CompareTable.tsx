import { useState } from 'react';
import type { Task } from '../../api/types';
import { Empty } from '../../components/Status';
import type { CompareRow } from './api';

/** Rows of values, a column per experiment; differing rows marked; "differences only" hides the rest. */
export function CompareTable({ rows, tasks, names, label, format = (v) => v }: {
  rows: CompareRow[]; tasks: Task[]; names: Map<string, string>; label: string;
  format?: (value: string) => string;
}) {
  const [diffOnly, setDiffOnly] = useState(false);
  const shown = diffOnly ? rows.filter((r) => r.differs) : rows;
  const groups = Array.from(new Set(shown.map((r) => r.group)));
  return (
    <section className="section" aria-label={label}>
      <div className="toolbar" style={{ justifyContent: 'space-between' }}>
        <h2>{label}</h2>
        <span className="muted small">{rows.filter((r) => r.differs).length} of {rows.length} differ</span>
        <label className="check">
          <input type="checkbox" checked={diffOnly} onChange={(e) => setDiffOnly(e.target.checked)} />
          Differences only
        </label>
      </div>
      {shown.length === 0 ? <Empty>{diffOnly ? 'No differences.' : 'Nothing recorded.'}</Empty> : (
        <div style={{ overflowX: 'auto' }}>
          <table className="simple compare-table" aria-label={`${label} side by side`}>
            <thead>
              <tr><th scope="col">Name</th>{tasks.map((t) => <th key={t.id} scope="col">{names.get(t.id)}</th>)}</tr>
            </thead>
            {groups.map((group) => (
              <tbody key={group}>
                <tr><th colSpan={tasks.length + 1} scope="colgroup" className="muted small">{group}</th></tr>
                {shown.filter((r) => r.group === group).map((r) => (
                  <tr key={r.key} className={r.differs ? 'row-changed' : undefined} data-differs={r.differs}>
                    <th scope="row">{r.differs && <span className="sr-only">differs: </span>}{r.key}</th>
                    {r.values.map((v, i) => (
                      <td key={tasks[i].id} className={r.differs ? 'diff-cell' : undefined}>
                        {v === undefined ? <span className="muted">—</span> : <code className="snippet">{format(v)}</code>}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  );
}
