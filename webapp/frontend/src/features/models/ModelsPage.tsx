import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useInfiniteQuery } from '@tanstack/react-query';
import { fetchModelPage, MODEL_PAGE, modelQueryBody } from './api';
import { VirtualTable, type GridColumn, type GridSort } from '../../components/VirtualTable';
import { Empty, ErrorBox, Loading } from '../../components/Status';
import { useDebounced } from '../../components/useDebounced';
import { formatDate } from '../../components/format';
import { refId, refName, type Model } from '../../api/types';

const COLUMNS: GridColumn<Model>[] = [
  { id: 'name', label: 'Name', width: 260, sortField: 'name', render: (m) => m.name },
  { id: 'status', label: 'Status', width: 100, sortField: 'ready',
    render: (m) => <span className={`status ${m.ready ? 'status-published' : 'status-created'}`}>
      {m.ready ? 'published' : 'draft'}</span> },
  { id: 'framework', label: 'Framework', width: 120, sortField: 'framework', render: (m) => m.framework },
  { id: 'project', label: 'Project', width: 180, render: (m) => refName(m.project) },
  { id: 'task', label: 'Created by', width: 200,
    render: (m) => refId(m.task) && <Link to={`/projects/*/experiments/${refId(m.task)}`}
                                          onClick={(e) => e.stopPropagation()}>{refName(m.task)}</Link> },
  { id: 'user', label: 'User', width: 120, render: (m) => refName(m.user) },
  { id: 'tags', label: 'Tags', width: 150, render: (m) => (m.tags ?? []).map((t) => <span key={t} className="tag">{t}</span>) },
  { id: 'updated', label: 'Updated', width: 150, sortField: 'last_update', render: (m) => formatDate(m.last_update) },
];

/** Every model of the company, virtualized and paged through a get_all_ex scroll. */
export function ModelsPage() {
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [archived, setArchived] = useState(false);
  const [sort, setSort] = useState<GridSort>({ field: 'last_update', desc: true });
  const debounced = useDebounced(search, 300);
  const body = useMemo(() => modelQueryBody({ search: debounced, sort, archived }), [debounced, sort, archived]);
  const query = useInfiniteQuery({
    queryKey: ['models', 'scroll', body],
    queryFn: ({ pageParam, signal }) => fetchModelPage(body, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.models.length < MODEL_PAGE || !last.scrollId ? undefined : last.scrollId),
    refetchInterval: 30_000,
  });
  const models = query.data?.pages.flatMap((p) => p.models) ?? [];
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = query;
  const loadMore = useCallback(() => { if (hasNextPage && !isFetchingNextPage) fetchNextPage(); },
    [fetchNextPage, hasNextPage, isFetchingNextPage]);

  return (
    <section className="page page-fill" aria-labelledby="models-title">
      <header className="page-header">
        <h1 id="models-title">Models</h1>
        <input type="search" className="search" placeholder="Search models" aria-label="Search models" value={search}
               onChange={(e) => setSearch(e.target.value)} />
      </header>
      <div className="toolbar">
        <label><input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} /> Archive</label>
        <span className="muted" data-testid="model-count">{models.length}{hasNextPage ? '+' : ''} {models.length === 1 && !hasNextPage ? 'model' : 'models'}</span>
      </div>
      {query.isPending && <Loading label="Loading models…" />}
      {query.isError && <ErrorBox error={query.error} />}
      {query.isSuccess && models.length === 0 && <Empty>No models match.</Empty>}
      {models.length > 0 && (
        <VirtualTable<Model> label="Models" testId="models-table" rows={models} columns={COLUMNS} rowId={(m) => m.id}
                             rowLabel={(m) => m.name} sort={sort} onSort={setSort} hasMore={!!hasNextPage}
                             loadingMore={isFetchingNextPage} onLoadMore={loadMore}
                             onOpen={(m) => navigate(`/models/${m.id}`)} />
      )}
    </section>
  );
}
