import { call } from '../../api/client';
import { batchFailures, type BatchFailure } from '../../api/errors';

/** What a change of several experiments did: the ids changed and the ones refused, each with its reason. */
export interface Outcome {
  done: string[];
  failed: BatchFailure[];
  /** The id a clone created. */
  created?: string;
}

type ManyAnswer = { succeeded?: { id: string }[]; failed?: { id: string; error?: { codes?: number[]; msg?: string } }[] };

async function many(endpoint: string, ids: string[], extra: object = {}): Promise<Outcome> {
  const answer = await call<ManyAnswer>(endpoint, { ids, ...extra });
  return { done: (answer.succeeded ?? []).map((s) => s.id), failed: batchFailures(answer.failed) };
}

async function all(endpoint: string, ids: string[], extra: object): Promise<Outcome> {
  await call(endpoint, { ids, ...extra });
  return { done: ids, failed: [] };
}

export const taskActions = {
  abort: (ids: string[]) => many('tasks.stop_many', ids, { status_reason: 'aborted from the web app' }),
  reset: (ids: string[]) => many('tasks.reset_many', ids),
  enqueue: (ids: string[], queue: string) => many('tasks.enqueue_many', ids, { queue }),
  dequeue: (ids: string[]) => many('tasks.dequeue_many', ids),
  archive: (ids: string[]) => many('tasks.archive_many', ids),
  restore: (ids: string[]) => many('tasks.unarchive_many', ids),
  publish: (ids: string[]) => many('tasks.publish_many', ids),
  /** Deletes whatever the status (`force`); `deleteFiles` also removes their artifacts, models and images. */
  delete: (ids: string[], deleteFiles: boolean) => many('tasks.delete_many', ids,
    { force: true, delete_external_artifacts: deleteFiles }),
  move: (ids: string[], target: ProjectTarget) => all('tasks.move', ids, target.id ? { project: target.id }
    : { project_name: target.name }),
  tags: (ids: string[], add: string[], remove: string[]) => all('tasks.update_tags', ids,
    { add_tags: add, remove_tags: remove }),
  edit: async (id: string, name: string, comment: string): Promise<Outcome> => {
    await call('tasks.update', { task: id, name, comment });
    return { done: [id], failed: [] };
  },
  clone: async (id: string, name: string, target: ProjectTarget): Promise<Outcome> => {
    const answer = await call<{ id: string }>('tasks.clone', {
      task: id, new_task_name: name, ...(target.id ? { new_task_project: target.id } : {}),
      ...(target.name ? { new_project_name: target.name } : {}),
    });
    return { done: [id], failed: [], created: answer.id };
  },
};

/** An existing project (`id`) or one to create by name. */
export interface ProjectTarget {
  id?: string;
  name?: string;
}

export interface QueueOption {
  id: string;
  name: string;
  display_name?: string;
  entries?: unknown[];
  system_tags?: string[];
}

export async function fetchQueueOptions(): Promise<QueueOption[]> {
  const data = await call<{ queues: QueueOption[] }>('queues.get_all_ex',
    { only_fields: ['id', 'name', 'display_name', 'entries', 'system_tags'], order_by: ['name'] });
  return data.queues ?? [];
}

export async function fetchProjectOptions(): Promise<{ id: string; name: string }[]> {
  const data = await call<{ projects: { id: string; name: string }[] }>('projects.get_all_ex',
    { only_fields: ['id', 'name'], order_by: ['name'], size: 1000 });
  return data.projects ?? [];
}
