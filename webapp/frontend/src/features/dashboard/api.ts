import { call } from '../../api/client';
import type { Project, Task } from '../../api/types';

export async function fetchRecentProjects(): Promise<Project[]> {
  const data = await call<{ projects: Project[] }>('projects.get_all_ex', { order_by: ['-last_update'], size: 6,
    only_fields: ['id', 'name', 'last_update', 'description'], include_stats: true, stats_with_children: true });
  return data.projects ?? [];
}

export async function fetchRecentExperiments(): Promise<Task[]> {
  const data = await call<{ tasks: Task[] }>('tasks.get_all_ex', { order_by: ['-last_update'], size: 10,
    only_fields: ['id', 'name', 'status', 'type', 'project.name', 'last_update', 'user.name'],
    system_tags: ['-archived'] });
  return data.tasks ?? [];
}

/** How many experiments are running and queued right now (`organization.get_entities_count`). */
export async function fetchCounts(): Promise<{ running: number; queued: number }> {
  const count = (status: string) => call<{ experiments: number }>('organization.get_entities_count',
    { experiments: { status: [status], system_tags: ['-archived'] } }).then((d) => d.experiments ?? 0);
  const [running, queued] = await Promise.all([count('in_progress'), count('queued')]);
  return { running, queued };
}
