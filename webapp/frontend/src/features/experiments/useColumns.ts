import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchColumnPreference, saveColumnPreference } from './api';
import { columnFromId, DEFAULT_COLUMN_IDS, type ColumnDef } from './columns';

/** The columns chosen for a project, kept in the user's preferences (`users.set_preferences`). */
export function useColumns(projectId: string) {
  const queryClient = useQueryClient();
  const key = ['preferences', 'columns', projectId];
  const stored = useQuery({ queryKey: key, queryFn: () => fetchColumnPreference(projectId), staleTime: Infinity });
  const ids = stored.data ?? DEFAULT_COLUMN_IDS;
  const save = useMutation({
    mutationFn: (next: string[]) => saveColumnPreference(projectId, next),
    // A stored choice still on its way must not land after (and over) the user's change.
    onMutate: async (next) => {
      await queryClient.cancelQueries({ queryKey: key });
      queryClient.setQueryData(key, next);
    },
  });
  const columns = ids.map(columnFromId).filter((c): c is ColumnDef => !!c);
  return { ids, columns, setIds: (next: string[]) => save.mutate(next), ready: !stored.isPending };
}
