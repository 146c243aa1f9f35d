import { useSearchParams } from 'react-router';
import type { TaskFilters, TaskSort } from './api';

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

/** Search, filters and sort of the experiments table live in the URL, so a reload or a shared link keeps them. */
export function useTableState() {
  const [params, setParams] = useSearchParams();
  const filters: TaskFilters = {
    search: params.get('q') ?? '',
    status: list(params.get('status')),
    type: list(params.get('type')),
    tags: list(params.get('tags')),
    name: params.get('name') ?? '',
    archived: params.get('archived') === '1',
  };
  const sortParam = params.get('sort') ?? '-last_update';
  const sort: TaskSort = { field: sortParam.replace(/^-/, ''), desc: sortParam.startsWith('-') };

  function update(next: Partial<TaskFilters>, nextSort: TaskSort = sort) {
    const merged = { ...filters, ...next };
    const out = new URLSearchParams();
    if (merged.search) out.set('q', merged.search);
    if (merged.status.length) out.set('status', merged.status.join(','));
    if (merged.type.length) out.set('type', merged.type.join(','));
    if (merged.tags.length) out.set('tags', merged.tags.join(','));
    if (merged.name) out.set('name', merged.name);
    if (merged.archived) out.set('archived', '1');
    const sortValue = `${nextSort.desc ? '-' : ''}${nextSort.field}`;
    if (sortValue !== '-last_update') out.set('sort', sortValue);
    setParams(out, { replace: true });
  }

  return {
    filters, sort,
    setFilters: (next: TaskFilters) => update(next),
    setSort: (next: TaskSort) => update({}, next),
  };
}
