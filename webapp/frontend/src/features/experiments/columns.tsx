import type { ReactNode } from 'react';
import type { Task } from '../../api/types';
import { refName } from '../../api/types';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate, formatNumber } from '../../components/format';

/** A column of the experiments table: what it shows, what it asks the API for, how it sorts. */
export interface ColumnDef {
  id: string;
  label: string;
  /** Field paths for `only_fields`. */
  fields: string[];
  /** `order_by` field, when the column can sort. */
  sortField?: string;
  width: number;
  render: (task: Task) => ReactNode;
  filter?: 'status' | 'type' | 'text' | 'tags';
}

export const TASK_STATUSES = ['created', 'queued', 'in_progress', 'stopped', 'completed', 'failed', 'published',
  'closed'];
export const TASK_TYPES = ['training', 'testing', 'inference', 'data_processing', 'application', 'monitor',
  'controller', 'optimizer', 'service', 'qc', 'custom'];

export const FIXED_COLUMNS: ColumnDef[] = [
  { id: 'status', label: 'Status', fields: ['status'], sortField: 'status', width: 120, filter: 'status',
    render: (t) => <StatusBadge status={t.status} /> },
  { id: 'type', label: 'Type', fields: ['type'], sortField: 'type', width: 110, filter: 'type',
    render: (t) => t.type },
  { id: 'name', label: 'Name', fields: ['name'], sortField: 'name', width: 260, filter: 'text',
    render: (t) => t.name },
  { id: 'tags', label: 'Tags', fields: ['tags'], width: 160, filter: 'tags',
    render: (t) => (t.tags ?? []).map((tag) => <span key={tag} className="tag">{tag}</span>) },
  { id: 'user', label: 'User', fields: ['user.name'], sortField: 'user.name', width: 120,
    render: (t) => refName(t.user) },
  { id: 'started', label: 'Started', fields: ['started'], sortField: 'started', width: 150,
    render: (t) => formatDate(t.started) },
  { id: 'updated', label: 'Updated', fields: ['last_update'], sortField: 'last_update', width: 150,
    render: (t) => formatDate(t.last_update) },
  { id: 'iteration', label: 'Iterations', fields: ['last_iteration'], sortField: 'last_iteration', width: 90,
    render: (t) => t.last_iteration ?? '' },
];

export const DEFAULT_COLUMN_IDS = FIXED_COLUMNS.map((c) => c.id);

/** `param:<section>.<name>` */
export function paramColumn(section: string, name: string): ColumnDef {
  const path = `hyperparams.${section}.${name}`;
  return {
    id: `param:${section}.${name}`, label: `${section}/${name}`, fields: [path], sortField: `${path}.value`,
    width: 120, render: (t) => t.hyperparams?.[section]?.[name]?.value ?? '',
  };
}

/** `metric:<metric_hash>.<variant_hash>:<metric>/<variant>` */
export function metricColumn(metricHash: string, variantHash: string, metric: string, variant: string): ColumnDef {
  const path = `last_metrics.${metricHash}.${variantHash}`;
  return {
    id: `metric:${metricHash}.${variantHash}:${metric}/${variant}`, label: `${metric}/${variant}`,
    fields: [path], sortField: `${path}.value`, width: 130,
    render: (t) => formatNumber(t.last_metrics?.[metricHash]?.[variantHash]?.value),
  };
}

/** The column a stored id stands for (ids are self-describing, so choices survive without a lookup). */
export function columnFromId(id: string): ColumnDef | undefined {
  const fixed = FIXED_COLUMNS.find((c) => c.id === id);
  if (fixed) return fixed;
  if (id.startsWith('param:')) {
    const rest = id.slice('param:'.length);
    const dot = rest.indexOf('.');
    return dot > 0 ? paramColumn(rest.slice(0, dot), rest.slice(dot + 1)) : undefined;
  }
  const metric = /^metric:([^.]+)\.([^:]+):(.*)\/(.*)$/.exec(id);
  return metric ? metricColumn(metric[1], metric[2], metric[3], metric[4]) : undefined;
}
