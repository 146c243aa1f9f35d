import { call } from '../../api/client';

/** The entities with a history (docs/api/history.md). */
export type EntityType = 'task' | 'model' | 'project';

export interface HistoryChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface HistoryEntry {
  seq: number;
  time: string;
  actor?: { id: string; name?: string };
  call_id?: string;
  kind: string;
  description: string;
  changes: HistoryChange[];
  count?: number;
  time_from?: string;
  /** Only in the company-wide listing. */
  entity?: { type: string; id: string; name?: string };
}

export interface HistoryFilters {
  kinds: string[];
  actor: string;
  /** ISO times (UTC) or '' */
  from: string;
  to: string;
}

export const NO_FILTERS: HistoryFilters = { kinds: [], actor: '', from: '', to: '' };

export const KINDS = ['created', 'renamed', 'moved', 'tags_changed', 'started', 'stop_requested', 'stopped', 'aborted',
  'resumed', 'completed', 'failed', 'published', 'enqueued', 'dequeued', 'reset', 'closed', 'status_changed',
  'hyperparams_changed', 'configuration_changed', 'artifacts_changed', 'models_changed', 'requirements_changed',
  'status_message_changed', 'comment_changed', 'script_changed', 'metadata_changed', 'archived', 'unarchived',
  'deleted', 'metrics_reported', 'iteration_reported', 'edited'];

function filterBody(filters: HistoryFilters): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (filters.kinds.length) body.kinds = filters.kinds;
  if (filters.actor) body.actor = filters.actor;
  if (filters.from) body.from = filters.from;
  if (filters.to) body.to = filters.to;
  return body;
}

export interface HistoryPage {
  total: number;
  entries: HistoryEntry[];
}

export const PAGE_SIZE = 100;

export async function fetchHistory(type: EntityType, id: string, filters: HistoryFilters, page: number):
  Promise<HistoryPage> {
  const data = await call<HistoryPage>(`history.get_${type}`,
    { [type]: id, ...filterBody(filters), page, page_size: PAGE_SIZE });
  return { total: data.total ?? 0, entries: data.entries ?? [] };
}

export async function fetchAudit(filters: HistoryFilters, page: number):
  Promise<{ entries: HistoryEntry[]; hasMore: boolean }> {
  const data = await call<{ entries: HistoryEntry[]; has_more: boolean }>('history.get_all',
    { ...filterBody(filters), page, page_size: 50 });
  return { entries: data.entries ?? [], hasMore: !!data.has_more };
}

/** The entity as it was at `time` (`<service>.get_by_id` with `as_of`), in the usual shape. */
export async function fetchAsOf(type: EntityType, id: string, time: string): Promise<Record<string, unknown>> {
  const service = `${type}s`;
  const data = await call<Record<string, Record<string, unknown>>>(`${service}.get_by_id`, { [type]: id, as_of: time });
  return data[type] ?? {};
}

/** Entries touching `field`: anything inside it, or an object holding it. */
export function touching(entries: HistoryEntry[], field: string): HistoryEntry[] {
  const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}.`)
    || inner.startsWith(`${outer}[`);
  // A change of the field itself, of something inside it, or of a whole object holding it (a creation).
  return entries.filter((e) => e.changes.some((c) => within(c.field, field) || within(field, c.field)));
}

export function showValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
