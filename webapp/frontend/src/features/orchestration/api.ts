import { call } from '../../api/client';

export interface QueueEntry {
  task: { id: string; name?: string } | string;
  added?: string;
}

export interface Queue {
  id: string;
  name: string;
  display_name?: string;
  system_tags?: string[];
  entries: QueueEntry[];
  workers?: { name?: string; key?: string; task?: { id: string; name?: string } | null }[];
  last_update?: string;
}

export async function fetchQueues(): Promise<Queue[]> {
  const data = await call<{ queues: Queue[] }>('queues.get_all_ex', { order_by: ['name'] });
  return (data.queues ?? []).map((q) => ({ ...q, entries: q.entries ?? [] }));
}

export type EntryMove = 'move_task_to_front' | 'move_task_forward' | 'move_task_backward' | 'move_task_to_back';

export const queueActions = {
  create: (name: string) => call<{ id: string }>('queues.create', { name }),
  rename: (queue: string, name: string) => call('queues.update', { queue, name }),
  /** `force` also deletes a queue that still has entries (they go back to their status before). */
  remove: (queue: string, force: boolean) => call('queues.delete', { queue, force }),
  move: (queue: string, task: string, move: EntryMove) => call(`queues.${move}`, { queue, task }),
  /** Takes the task out of the queue and back to its status before it was enqueued. */
  removeEntry: (queue: string, task: string) => call('queues.remove_task', { queue, task, update_task_status: true }),
};

export interface QueueMetrics {
  dates: number[];
  avg_waiting_times: number[];
  queue_lengths: number[];
}

/** A time window ending now: its bounds in epoch seconds and an interval giving about 60 points. */
export function window(hours: number): { from_date: number; to_date: number; interval: number } {
  const to = Math.floor(Date.now() / 1000);
  const span = hours * 3600;
  return { from_date: to - span, to_date: to, interval: Math.max(10, Math.floor(span / 60)) };
}

export async function fetchQueueMetrics(queue: string, hours: number): Promise<QueueMetrics> {
  const data = await call<{ queues: ({ queue: string } & QueueMetrics)[] }>('queues.get_queue_metrics',
    { ...window(hours), queue_ids: [queue] });
  const found = data.queues?.find((q) => q.queue === queue);
  return { dates: found?.dates ?? [], avg_waiting_times: found?.avg_waiting_times ?? [],
    queue_lengths: found?.queue_lengths ?? [] };
}

export interface Worker {
  id: string;
  ip?: string;
  register_time?: string;
  last_activity_time?: string;
  last_report_time?: string;
  user?: { id: string; name?: string };
  task?: { id: string; name?: string; running_time?: number; last_iteration?: number } | null;
  project?: { id: string; name?: string } | null;
  queue?: { id: string; name?: string } | null;
  queues?: { id: string; name?: string; display_name?: string }[];
}

export async function fetchWorkers(): Promise<Worker[]> {
  const data = await call<{ workers: Worker[] }>('workers.get_all', { last_seen: 3600 });
  return data.workers ?? [];
}

export interface StatSeries {
  metric: string;
  variant?: string;
  dates: number[];
  values: number[];
}

export const STAT_KEYS = ['cpu_usage', 'gpu_usage', 'memory_used', 'gpu_memory_used'];

/** Averages of the machine statistics of one worker over the window, a series per key (and variant). */
export async function fetchWorkerStats(worker: string, hours: number): Promise<StatSeries[]> {
  const data = await call<{ workers: { worker: string; metrics: { metric: string; variant?: string; dates: number[];
    stats: { aggregation: string; values: number[] }[] }[] }[] }>('workers.get_stats', {
    ...window(hours), worker_ids: [worker], items: STAT_KEYS.map((key) => ({ key, category: 'avg' })),
  });
  const mine = data.workers?.find((w) => w.worker === worker);
  return (mine?.metrics ?? []).map((m) => ({ metric: m.metric, variant: m.variant, dates: m.dates,
    values: m.stats.find((s) => s.aggregation === 'avg')?.values ?? m.stats[0]?.values ?? [] }));
}

export interface Activity {
  total: { dates: number[]; counts: number[] };
  active: { dates: number[]; counts: number[] };
}

export async function fetchActivity(hours: number): Promise<Activity> {
  const data = await call<Partial<Activity>>('workers.get_activity_report', window(hours));
  return { total: data.total ?? { dates: [], counts: [] }, active: data.active ?? { dates: [], counts: [] } };
}

export function entryTask(entry: QueueEntry): { id: string; name: string } {
  return typeof entry.task === 'string' ? { id: entry.task, name: entry.task }
    : { id: entry.task.id, name: entry.task.name ?? entry.task.id };
}
