import { call } from '../../api/client';
import type { Task } from '../../api/types';

export async function fetchTask(id: string): Promise<Task | undefined> {
  // The full document, and the names of the user and project it refers to (only_fields `x.name` resolves them).
  const [full, names] = await Promise.all([
    call<{ tasks: Task[] }>('tasks.get_all_ex', { id: [id] }),
    call<{ tasks: Task[] }>('tasks.get_all_ex', { id: [id], only_fields: ['id', 'user.name', 'project.name'] }),
  ]);
  const task = full.tasks?.[0];
  const named = names.tasks?.[0];
  return task && { ...task, user: named?.user ?? task.user, project: named?.project ?? task.project };
}

export interface LogEvent {
  timestamp: number;
  msg: string;
  level?: string;
  worker?: string;
  iter?: number;
}

/** The latest `batch` console lines (oldest first). */
export async function fetchLog(task: string, batch: number): Promise<{ events: LogEvent[]; total: number }> {
  const data = await call<{ events: LogEvent[]; total: number }>('events.get_task_log',
    { task, batch_size: batch, navigate_earlier: true });
  return { events: [...(data.events ?? [])].reverse(), total: data.total ?? 0 };
}

export interface PlotEvent {
  metric: string;
  variant: string;
  iter: number;
  plot_str: string;
  timestamp: number;
}

export async function fetchPlots(task: string): Promise<PlotEvent[]> {
  const data = await call<{ plots: PlotEvent[] }>('events.get_task_plots', { task, iters: 1 });
  return data.plots ?? [];
}

export interface ImageEvent {
  metric: string;
  variant: string;
  iter: number;
  url: string;
  timestamp: number;
}

/** Debug images of the latest `iters` iterations, grouped by metric, then iteration (latest first). */
export async function fetchDebugImages(task: string, iters: number) {
  const data = await call<{ metrics: { task: string; iterations: { iter: number; events: ImageEvent[] }[] }[] }>(
    'events.debug_images', { metrics: [{ task }], iters });
  const byMetric = new Map<string, Map<number, ImageEvent[]>>();
  for (const entry of data.metrics ?? []) {
    for (const iteration of entry.iterations ?? []) {
      for (const event of iteration.events ?? []) {
        const metric = byMetric.get(event.metric) ?? new Map<number, ImageEvent[]>();
        byMetric.set(event.metric, metric);
        metric.set(iteration.iter, [...(metric.get(iteration.iter) ?? []), event]);
      }
    }
  }
  return Array.from(byMetric.entries()).sort(([a], [b]) => a.localeCompare(b)).map(([metric, iterations]) => ({
    metric,
    iterations: Array.from(iterations.entries()).sort(([a], [b]) => a - b)
      .map(([iter, events]) => ({ iter, events: events.sort((x, y) => x.variant.localeCompare(y.variant)) })),
  }));
}

export function isLive(task?: Task): boolean {
  return task?.status === 'in_progress' || task?.status === 'queued';
}
