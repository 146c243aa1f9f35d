import { useInfiniteQuery } from '@tanstack/react-query';
import { fetchTaskPage, PAGE_SIZE } from './api';

/** The experiments of a query, page after page of one `get_all_ex` scroll; `refetchMs` keeps them live. */
export function useTaskScroll(body: Record<string, unknown>, refetchMs: number | false = 10_000) {
  const query = useInfiniteQuery({
    queryKey: ['tasks', 'scroll', body],
    queryFn: ({ pageParam, signal }) => fetchTaskPage(body, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.tasks.length < PAGE_SIZE || !last.scrollId ? undefined : last.scrollId),
    refetchInterval: refetchMs,
    // A refetch re-reads every loaded page; past a few pages that is the user's scroll position, not news.
    maxPages: 500,
  });
  const tasks = query.data?.pages.flatMap((p) => p.tasks) ?? [];
  return { ...query, tasks };
}
