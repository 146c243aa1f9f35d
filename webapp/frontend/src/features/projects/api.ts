import { call } from '../../api/client';
import type { Project } from '../../api/types';

export interface ProjectQuery {
  parent?: string;
  search?: string;
}

/** Direct children of `parent` (top level when absent), with task counts by status over their whole subtree. */
export async function fetchProjects({ parent, search }: ProjectQuery): Promise<Project[]> {
  const body: Record<string, unknown> = {
    include_stats: true,
    stats_with_children: true,
    check_own_contents: true,
    order_by: ['-last_update'],
    only_fields: ['id', 'name', 'basename', 'last_update', 'created', 'parent', 'description'],
    size: 500,
  };
  if (search) {
    // A search looks through every level, not only the current one.
    body.name = `(?i)${escapeRegex(search)}`;
    if (parent) body.parent = [parent];
  } else {
    body.shallow_search = true;
    if (parent) body.parent = [parent];
  }
  const data = await call<{ projects: Project[] }>('projects.get_all_ex', body);
  return data.projects ?? [];
}

export async function fetchProject(id: string): Promise<Project | undefined> {
  const data = await call<{ projects: Project[] }>('projects.get_all_ex',
    { id: [id], only_fields: ['id', 'name', 'basename', 'parent', 'path', 'description'] });
  return data.projects?.[0];
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
