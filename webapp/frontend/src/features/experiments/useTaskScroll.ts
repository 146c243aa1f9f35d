import { useInfiniteQuery } from '@tanstack/react-query';
import { fetchTaskPage, PAGE_SIZE } from './api';

/** Past this many loaded pages a refetch (which re-reads every page) costs more than live statuses are worth. */
const LIVE_PAGES = 3;

/**
 * The experiments of a query, page after page of one `get_all_ex` scroll. A refetch re-reads the loaded pages from
 * a new scroll (each page's `scroll_id` comes from the refetched page before it), every `refetchMs` while few
 * pages are loaded.
 */
export function useTaskScroll(body: Record<string, unknown>, refetchMs = 10_000) {
  const query = useInfiniteQuery({
    queryKey: ['tasks', 'scroll', body],
    queryFn: ({ pageParam, signal }) => fetchTaskPage(body, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.tasks.length < PAGE_SIZE || !last.scrollId ? undefined : last.scrollId),
    refetchInterval: (q) => ((q.state.data?.pages.length ?? 0) <= LIVE_PAGES ? refetchMs : false),
  });
  const tasks = query.data?.pages.flatMap((p) => p.tasks) ?? [];
  return { ...query, tasks };
}
