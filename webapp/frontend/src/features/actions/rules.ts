import type { Task } from '../../api/types';

export type ActionId = 'abort' | 'reset' | 'enqueue' | 'dequeue' | 'clone' | 'move' | 'archive' | 'restore'
  | 'publish' | 'tags' | 'edit' | 'delete' | 'compare';

export const ACTION_LABELS: Record<ActionId, string> = {
  abort: 'Abort', reset: 'Reset', enqueue: 'Enqueue', dequeue: 'Dequeue', clone: 'Clone', move: 'Move',
  archive: 'Archive', restore: 'Restore', publish: 'Publish', tags: 'Tags', edit: 'Edit', delete: 'Delete',
  compare: 'Compare',
};

export function isArchived(task: Task): boolean {
  return (task.system_tags ?? []).includes('archived');
}

const RUNNING = ['in_progress', 'queued'];

/**
 * Which actions the selection offers. An action is offered when at least one selected experiment can take it
 * (the others are reported as refused); single-experiment actions need exactly one.
 */
export function availableActions(tasks: Task[]): ActionId[] {
  if (!tasks.length) return [];
  const some = (test: (t: Task) => boolean) => tasks.some(test);
  const status = (t: Task) => t.status ?? 'created';
  const actions: ActionId[] = [];
  if (tasks.length >= 2 && tasks.length <= 10) actions.push('compare');
  if (some((t) => RUNNING.includes(status(t)))) actions.push('abort');
  if (some((t) => !RUNNING.includes(status(t)) && status(t) !== 'created' && status(t) !== 'published')) {
    actions.push('reset');
  }
  if (some((t) => ['created', 'stopped', 'failed', 'completed', 'closed'].includes(status(t)))) actions.push('enqueue');
  if (some((t) => status(t) === 'queued')) actions.push('dequeue');
  if (tasks.length === 1) actions.push('clone', 'edit');
  actions.push('move', 'tags');
  if (some((t) => !RUNNING.includes(status(t)) && status(t) !== 'published' && status(t) !== 'created')) {
    actions.push('publish');
  }
  if (some((t) => !isArchived(t))) actions.push('archive');
  if (some(isArchived)) actions.push('restore');
  actions.push('delete');
  return actions;
}
