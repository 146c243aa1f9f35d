import { call } from '../../api/client';
import type { Model } from '../../api/types';
import { escapeRegex } from '../projects/api';

export const MODEL_PAGE = 200;

export interface ModelQuery {
  search: string;
  sort: { field: string; desc: boolean };
  archived: boolean;
}

export function modelQueryBody(query: ModelQuery): Record<string, unknown> {
  const body: Record<string, unknown> = {
    only_fields: ['id', 'name', 'framework', 'ready', 'tags', 'user.name', 'project.name', 'task.name', 'created',
      'last_update', 'uri'],
    order_by: [`${query.sort.desc ? '-' : ''}${query.sort.field}`],
    system_tags: [query.archived ? 'archived' : '-archived'],
  };
  if (query.search) body._any_ = { pattern: `(?i)${escapeRegex(query.search)}`, fields: ['name', 'id', 'comment'] };
  return body;
}

export async function fetchModelPage(body: Record<string, unknown>, scrollId: string | null, signal?: AbortSignal) {
  const data = await call<{ models: Model[]; scroll_id?: string }>('models.get_all_ex',
    { ...body, scroll_id: scrollId, size: MODEL_PAGE }, { signal });
  return { models: data.models ?? [], scrollId: data.scroll_id };
}

export async function fetchModel(id: string): Promise<Model | undefined> {
  const data = await call<{ models: Model[] }>('models.get_all_ex', { id: [id], only_fields: ['id', 'name', 'uri',
    'framework', 'ready', 'tags', 'comment', 'created', 'last_update', 'labels', 'metadata', 'design', 'parent',
    'user.name', 'project.name', 'task.name'] });
  return data.models?.[0];
}
