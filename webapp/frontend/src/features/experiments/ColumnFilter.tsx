import { useEffect, useRef, useState } from 'react';
import type { TaskFilters } from './api';
import { TASK_STATUSES, TASK_TYPES } from './columns';
import { useDebounced } from '../../components/useDebounced';

/** The filter under a column header: a value list for status/type, text for name, comma-separated tags. */
export function ColumnFilter({ kind, label, filters, onFilters }: {
  kind: 'status' | 'type' | 'text' | 'tags'; label: string; filters: TaskFilters;
  onFilters: (filters: TaskFilters) => void;
}) {
  if (kind === 'status' || kind === 'type') {
    const values = kind === 'status' ? TASK_STATUSES : TASK_TYPES;
    const current = filters[kind][0] ?? '';
    return (
      <select aria-label={`Filter ${label}`} value={current}
              onChange={(e) => onFilters({ ...filters, [kind]: e.target.value ? [e.target.value] : [] })}>
        <option value="">all</option>
        {values.map((v) => <option key={v} value={v}>{v.replace('_', ' ')}</option>)}
      </select>
    );
  }
  return <TextFilter label={label} value={kind === 'text' ? filters.name : filters.tags.join(',')}
                     onChange={(value) => onFilters(kind === 'text' ? { ...filters, name: value }
                       : { ...filters, tags: value.split(',').map((t) => t.trim()).filter(Boolean) })} />;
}

function TextFilter({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const [text, setText] = useState(value);
  const debounced = useDebounced(text, 300);
  // Only a settled edit is sent; a new `value` or `onChange` from the parent alone must not send it again.
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };
  useEffect(() => {
    if (debounced !== latest.current.value) latest.current.onChange(debounced);
  }, [debounced]);
  return <input aria-label={`Filter ${label}`} placeholder="filter" value={text}
                onChange={(e) => setText(e.target.value)} onClick={(e) => e.stopPropagation()} />;
}
