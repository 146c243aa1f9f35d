import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { ALL_PROJECTS, taskQueryBody } from './api';
import { useTaskScroll } from './useTaskScroll';
import { useColumns } from './useColumns';
import { useTableState } from './useTableState';
import { ExperimentsTable } from './ExperimentsTable';
import { ColumnChooser } from './ColumnChooser';
import { TaskActions } from '../actions/TaskActions';
import { fetchProject } from '../projects/api';
import { refId, type Task } from '../../api/types';
import { Empty, ErrorBox, Loading } from '../../components/Status';
import { useDebounced } from '../../components/useDebounced';

/** The experiments of one project (`/projects/:id/experiments`) or of all (`/projects/*\/experiments`). */
export function ExperimentsPage() {
  const projectId = useParams().projectId ?? ALL_PROJECTS;
  const navigate = useNavigate();
  const { filters, sort, setFilters, setSort } = useTableState();
  const [search, setSearch] = useState(filters.search);
  const debouncedSearch = useDebounced(search, 300);
  // The URL gives a new filters object every render; its JSON keeps the query key (and the query) stable.
  const filtersJson = JSON.stringify(filters);
  const effectiveFilters = useMemo(() => ({ ...(JSON.parse(filtersJson) as typeof filters), search: debouncedSearch }),
    [filtersJson, debouncedSearch]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const { ids, columns, setIds, ready } = useColumns(projectId);
  const project = useQuery({ queryKey: ['project', projectId], queryFn: () => fetchProject(projectId),
    enabled: projectId !== ALL_PROJECTS });

  const body = useMemo(() => taskQueryBody(projectId, effectiveFilters, sort, columns.flatMap((c) => c.fields)),
    [projectId, effectiveFilters, sort, columns]);
  const scroll = useTaskScroll(body);
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = scroll;
  const loadMore = useCallback(() => { if (hasNextPage && !isFetchingNextPage) fetchNextPage(); },
    [fetchNextPage, hasNextPage, isFetchingNextPage]);
  const open = useCallback((task: Task) =>
    navigate(`/projects/${refId(task.project) ?? ALL_PROJECTS}/experiments/${task.id}`), [navigate]);

  const title = projectId === ALL_PROJECTS ? 'All experiments' : project.data?.name ?? '…';
  return (
    <section className="page page-fill" aria-labelledby="experiments-title">
      <header className="page-header">
        <h1 id="experiments-title">
          {projectId !== ALL_PROJECTS && <><Link to="/projects">Projects</Link> / </>}{title}
        </h1>
        {projectId !== ALL_PROJECTS && <Link to={`/projects/${projectId}/history`}>History</Link>}
        <input type="search" className="search" placeholder="Search experiments" aria-label="Search experiments"
               value={search} onChange={(e) => { setSearch(e.target.value); }}
               onBlur={() => setFilters({ ...filters, search })} />
      </header>
      <div className="toolbar">
        <label>
          <input type="checkbox" checked={filters.archived}
                 onChange={(e) => setFilters({ ...filters, archived: e.target.checked })} /> Archive
        </label>
        <ColumnChooser projectId={projectId} ids={ids} onChange={setIds} disabled={!ready} />
        <span className="muted" aria-live="polite" data-testid="experiment-count">
          {scroll.tasks.length}{scroll.hasNextPage ? '+' : ''} experiments
          {selected.size > 0 && ` · ${selected.size} selected`}
        </span>
        {selected.size > 0 && <button type="button" onClick={() => setSelected(new Set())}>Clear selection</button>}
        {scroll.isFetching && !scroll.isPending && <span className="spinner" aria-label="Refreshing" />}
      </div>
      {selected.size > 0 && <TaskActions tasks={scroll.tasks.filter((t) => selected.has(t.id))}
                                         onDeleted={() => setSelected(new Set())} />}
      {scroll.isError && <ErrorBox error={scroll.error} />}
      {(scroll.isPending || !ready) && <Loading label="Loading experiments…" />}
      {scroll.isSuccess && ready && scroll.tasks.length === 0 && <Empty>No experiments match.</Empty>}
      {scroll.isSuccess && ready && scroll.tasks.length > 0 && (
        <ExperimentsTable tasks={scroll.tasks} columns={columns} sort={sort} onSort={setSort}
                          filters={filters} onFilters={setFilters}
                          hasMore={!!hasNextPage} loadingMore={isFetchingNextPage} onLoadMore={loadMore}
                          selected={selected} onSelected={setSelected} onOpen={open} />
      )}
    </section>
  );
}
