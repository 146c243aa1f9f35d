import { describe, expect, it } from 'vitest';
import { availableActions } from './rules';
import type { Task } from '../../api/types';

const task = (status: Task['status'], archived = false): Task =>
  ({ id: status ?? 'x', name: 'n', status, system_tags: archived ? ['archived'] : [] });

describe('availableActions', () => {
  it('offers abort only for running or queued experiments and dequeue only for queued ones', () => {
    expect(availableActions([task('in_progress')])).toContain('abort');
    expect(availableActions([task('in_progress')])).not.toContain('dequeue');
    expect(availableActions([task('queued')])).toEqual(expect.arrayContaining(['abort', 'dequeue']));
    expect(availableActions([task('completed')])).not.toContain('abort');
  });

  it('offers clone and edit for one experiment, compare for two to ten', () => {
    expect(availableActions([task('created')])).toEqual(expect.arrayContaining(['clone', 'edit']));
    const two = [task('created'), task('completed')];
    expect(availableActions(two)).not.toContain('clone');
    expect(availableActions(two)).toContain('compare');
    expect(availableActions(Array.from({ length: 11 }, () => task('created')))).not.toContain('compare');
  });

  it('offers restore for archived experiments and archive for the others', () => {
    expect(availableActions([task('completed', true)])).toContain('restore');
    expect(availableActions([task('completed', true)])).not.toContain('archive');
    expect(availableActions([task('completed')])).toContain('archive');
  });

  it('offers nothing for an empty selection', () => {
    expect(availableActions([])).toEqual([]);
  });
});
