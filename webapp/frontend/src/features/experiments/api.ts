import { call } from '../../api/client';
import type { Task } from '../../api/types';
import { escapeRegex } from '../projects/api';

export const PAGE_SIZE = 200;
export const ALL_PROJECTS = '*';

export interface TaskFilters {
  search: string;
  status: string[];
  type: string[];
  tags: string[];
  name: string;
  archived: boolean;
}

export interface TaskSort {
  field: string;
  desc: boolean;
}

export interface TaskPage {
  tasks: Task[];
  scrollId?: string;
}

export function taskQueryBody(projectId: string, filters: TaskFilters, sort: TaskSort, fields: string[]) {
  const body: Record<string, unknown> = {
    only_fields: Array.from(new Set(['id', 'name', 'status', 'project', 'tags', 'system_tags', ...fields])),
    order_by: [`${sort.desc ? '-' : ''}${sort.field}`],
    system_tags: [filters.archived ? 'archived' : '-archived'],
  };
  if (filters.type.length) body.type = filters.type;
  if (projectId !== ALL_PROJECTS) body.project = [projectId];
  if (filters.status.length) body.status = filters.status;
  if (filters.tags.length) body.tags = filters.tags;
  if (filters.name) body.name = `(?i)${escapeRegex(filters.name)}`;
  if (filters.search) {
    body._any_ = { pattern: `(?i)${escapeRegex(filters.search)}`, fields: ['name', 'id', 'comment'] };
  }
  return body;
}

/** One page of a `get_all_ex` scroll: the first call opens it (`scroll_id: null`), the next ones continue. */
export async function fetchTaskPage(body: Record<string, unknown>, scrollId: string | null,
                                    signal?: AbortSignal): Promise<TaskPage> {
  const data = await call<{ tasks: Task[]; scroll_id?: string }>('tasks.get_all_ex',
    { ...body, scroll_id: scrollId, size: PAGE_SIZE }, { signal });
  return { tasks: data.tasks ?? [], scrollId: data.scroll_id };
}

export interface MetricVariant {
  metric: string;
  variant: string;
  metric_hash: string;
  variant_hash: string;
}

export async function fetchColumnChoices(projectId: string) {
  const projects = projectId === ALL_PROJECTS ? undefined : [projectId];
  const [params, metrics] = await Promise.all([
    call<{ parameters: { section: string; name: string }[] }>('projects.get_hyper_parameters',
      { projects, page_size: 500 }),
    call<{ metrics: MetricVariant[] }>('projects.get_unique_metric_variants', { project: projects?.[0] }),
  ]);
  return { parameters: params.parameters ?? [], metrics: metrics.metrics ?? [] };
}

const prefKey = (projectId: string) => `webapp_experiment_columns_${projectId === ALL_PROJECTS ? 'all' : projectId}`;

export async function fetchColumnPreference(projectId: string): Promise<string[] | null> {
  const data = await call<{ preferences?: Record<string, unknown> }>('users.get_preferences');
  const value = data.preferences?.[prefKey(projectId)];
  return Array.isArray(value) ? value.map(String) : null;
}

export async function saveColumnPreference(projectId: string, columns: string[]) {
  await call('users.set_preferences', { preferences: { [prefKey(projectId)]: columns } });
}
