import { call } from '../../api/client';
import type { Task } from '../../api/types';

/** A report is a task of type `report` whose `report` field holds its Markdown (the `reports` service). */
export type Report = Task & { report?: string };

export async function fetchReports(archived: boolean): Promise<Report[]> {
  const data = await call<{ tasks: Report[] }>('reports.get_all_ex', {
    only_fields: ['id', 'name', 'status', 'comment', 'tags', 'system_tags', 'project.name', 'user.name', 'last_update'],
    order_by: ['-last_update'], system_tags: [archived ? 'archived' : '-archived'], size: 500,
  });
  return data.tasks ?? [];
}

export async function fetchReport(id: string): Promise<Report | undefined> {
  const data = await call<{ tasks: Report[] }>('reports.get_all_ex', { id: [id] });
  return data.tasks?.[0];
}

export const reportActions = {
  create: (name: string, project?: string) => call<{ id: string }>('reports.create',
    { name, ...(project ? { project } : {}), report: `# ${name}\n\n` }),
  update: (task: string, changes: { name?: string; comment?: string; report?: string }) =>
    call('reports.update', { task, ...changes }),
  publish: (task: string) => call('reports.publish', { task }),
  archive: (task: string) => call('reports.archive', { task }),
  unarchive: (task: string) => call('reports.unarchive', { task }),
  delete: (task: string) => call('reports.delete', { task, force: true }),
};
