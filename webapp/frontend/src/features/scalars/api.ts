import { call } from '../../api/client';
import type { Histogram, XAxis } from './series';
import { X_KEYS } from './series';

/** Buckets per series: about one per horizontal pixel of a chart. */
export const SAMPLES = 1000;

export function fetchScalars(task: string, axis: XAxis, signal?: AbortSignal): Promise<Histogram> {
  return call<Histogram>('events.scalar_metrics_iter_histogram',
    { task, key: X_KEYS[axis], samples: SAMPLES, bucketing: 'min_max' }, { signal });
}

export interface SingleValue {
  metric: string;
  variant: string;
  value: number;
  timestamp?: number;
}

export async function fetchSingleValues(task: string): Promise<SingleValue[]> {
  const data = await call<{ tasks: { task: string; values: SingleValue[] }[] }>(
    'events.get_task_single_value_metrics', { tasks: [task] });
  return data.tasks?.find((t) => t.task === task)?.values ?? [];
}
