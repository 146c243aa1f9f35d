import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { fetchColumnChoices } from './api';
import { FIXED_COLUMNS, metricColumn, paramColumn } from './columns';

/** Pick which columns show: the fixed ones, any hyperparameter, any last metric value of the project. */
export function ColumnChooser({ projectId, ids, onChange, disabled = false }: {
  projectId: string; ids: string[]; onChange: (ids: string[]) => void; disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const choices = useQuery({ queryKey: ['column-choices', projectId], queryFn: () => fetchColumnChoices(projectId),
    enabled: open });
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => { if (!ref.current?.contains(e.target as Node)) setOpen(false); };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const options = [
    ...FIXED_COLUMNS.map((c) => ({ id: c.id, label: c.label, group: 'Experiment' })),
    ...(choices.data?.parameters ?? []).map((p) => {
      const c = paramColumn(p.section, p.name);
      return { id: c.id, label: c.label, group: 'Hyperparameters' };
    }),
    ...(choices.data?.metrics ?? []).map((m) => {
      const c = metricColumn(m.metric_hash, m.variant_hash, m.metric, m.variant);
      return { id: c.id, label: c.label, group: 'Metrics (last value)' };
    }),
  ];
  const groups = Array.from(new Set(options.map((o) => o.group)));
  const toggle = (id: string) => onChange(ids.includes(id) ? ids.filter((i) => i !== id) : [...ids, id]);

  return (
    <div className="relative" ref={ref} onKeyDown={(e) => { if (e.key === 'Escape') setOpen(false); }}>
      <button type="button" aria-expanded={open} aria-haspopup="true" disabled={disabled}
              onClick={() => setOpen(!open)}>
        Columns
      </button>
      {open && (
        <div className="menu" role="group" aria-label="Choose columns">
          {choices.isPending && <p className="muted">Loading parameters and metrics…</p>}
          {groups.map((group) => (
            <fieldset key={group} style={{ border: 'none', padding: 0, margin: '0 0 8px' }}>
              <legend className="muted small">{group}</legend>
              {options.filter((o) => o.group === group).map((o) => (
                <label key={o.id}>
                  <input type="checkbox" checked={ids.includes(o.id)} onChange={() => toggle(o.id)} />
                  {o.label}
                </label>
              ))}
            </fieldset>
          ))}
        </div>
      )}
    </div>
  );
}
