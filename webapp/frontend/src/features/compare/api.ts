import { call } from '../../api/client';
import type { Task } from '../../api/types';

export const MAX_COMPARED = 10;

/** The compared experiments, whole, in the order asked. */
export async function fetchCompared(ids: string[]): Promise<Task[]> {
  const data = await call<{ tasks: Task[] }>('tasks.get_all_ex', { id: ids });
  const byId = new Map((data.tasks ?? []).map((t) => [t.id, t]));
  return ids.map((id) => byId.get(id)).filter((t): t is Task => !!t);
}

/** A short, unique label per experiment (its name, with the id's start when two share a name). */
export function labels(tasks: Task[]): Map<string, string> {
  const counts = new Map<string, number>();
  tasks.forEach((t) => counts.set(t.name, (counts.get(t.name) ?? 0) + 1));
  return new Map(tasks.map((t) => [t.id, (counts.get(t.name) ?? 0) > 1 ? `${t.name} (${t.id.slice(0, 6)})` : t.name]));
}

/** One compared value per experiment, keyed by a row name; `differs` when not all are equal. */
export interface CompareRow {
  key: string;
  group: string;
  values: (string | undefined)[];
  differs: boolean;
}

export function row(group: string, key: string, values: (string | undefined)[]): CompareRow {
  return { group, key, values, differs: new Set(values.map((v) => v ?? '\u0000')).size > 1 };
}

/** Hyperparameters (by section) and configuration objects side by side. */
export function parameterRows(tasks: Task[]): CompareRow[] {
  const keys = new Map<string, { group: string; pick: (t: Task) => string | undefined }>();
  for (const t of tasks) {
    for (const [section, params] of Object.entries(t.hyperparams ?? {})) {
      for (const name of Object.keys(params)) {
        keys.set(`h:${section}/${name}`, { group: `Hyperparameters ${section}`,
          pick: (x) => x.hyperparams?.[section]?.[name]?.value });
      }
    }
    for (const name of Object.keys(t.configuration ?? {})) {
      keys.set(`c:${name}`, { group: 'Configuration', pick: (x) => x.configuration?.[name]?.value });
    }
  }
  return Array.from(keys.entries()).sort(([a], [b]) => a.localeCompare(b))
    .map(([key, { group, pick }]) => row(group, key.slice(2), tasks.map(pick)));
}

/** Last value of every metric/variant any of them reported. */
export function metricRows(tasks: Task[]): CompareRow[] {
  const keys = new Map<string, (t: Task) => string | undefined>();
  for (const t of tasks) {
    for (const [metricHash, variants] of Object.entries(t.last_metrics ?? {})) {
      for (const [variantHash, v] of Object.entries(variants)) {
        keys.set(`${v.metric}/${v.variant}`, (x) => {
          const value = x.last_metrics?.[metricHash]?.[variantHash]?.value;
          return value === undefined ? undefined : String(value);
        });
      }
    }
  }
  return Array.from(keys.entries()).sort(([a], [b]) => a.localeCompare(b))
    .map(([key, pick]) => row('Last values', key, tasks.map(pick)));
}

/** Artifacts (by key) and models (by role and name) of each experiment. */
export function outputRows(tasks: Task[]): CompareRow[] {
  const keys = new Map<string, { group: string; pick: (t: Task) => string | undefined }>();
  for (const t of tasks) {
    for (const a of t.execution?.artifacts ?? []) {
      keys.set(`a:${a.key}`, { group: 'Artifacts', pick: (x) => {
        const found = x.execution?.artifacts?.find((b) => b.key === a.key);
        return found ? `${found.type}${found.hash ? ` ${found.hash.slice(0, 10)}` : ''}${found.content_size !== undefined
          ? ` ${found.content_size} B` : ''}` : undefined;
      } });
    }
    for (const role of ['input', 'output'] as const) {
      for (const m of t.models?.[role] ?? []) {
        keys.set(`m:${role} ${m.name}`, { group: 'Models', pick: (x) => {
          const found = x.models?.[role]?.find((n) => n.name === m.name);
          if (!found) return undefined;
          return typeof found.model === 'string' ? found.model : found.model.name ?? found.model.id;
        } });
      }
    }
  }
  return Array.from(keys.entries()).sort(([a], [b]) => a.localeCompare(b))
    .map(([key, { group, pick }]) => row(group, key.slice(2), tasks.map(pick)));
}
