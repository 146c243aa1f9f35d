import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { TaskActions } from './TaskActions';
import type { Task } from '../../api/types';

afterEach(() => vi.unstubAllGlobals());

const answer = (data: unknown) => new Response(JSON.stringify(
  { meta: { result_code: 200, result_subcode: 0, result_msg: 'OK' }, data }));

function renderActions(tasks: Task[]) {
  const router = createMemoryRouter([{ path: '/', element: <TaskActions tasks={tasks} /> }]);
  render(<QueryClientProvider client={new QueryClient()}><RouterProvider router={router} /></QueryClientProvider>);
}

const running: Task = { id: 't1', name: 'run one', status: 'in_progress' };
const draft: Task = { id: 't2', name: 'draft two', status: 'created' };

describe('TaskActions', () => {
  it('asks before aborting and does nothing when the dialog is dismissed with Escape', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderActions([running]);
    await userEvent.click(screen.getByRole('button', { name: 'Abort' }));
    expect(screen.getByRole('dialog', { name: 'Abort “run one”?' })).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('names every refused experiment with the reason in plain words', async () => {
    const fetch = vi.fn().mockResolvedValue(answer({ succeeded: [{ id: 't1' }],
      failed: [{ id: 't2', error: { codes: [400, 110], msg: 'invalid task status' } }] }));
    vi.stubGlobal('fetch', fetch);
    renderActions([running, draft]);
    await userEvent.click(screen.getByRole('button', { name: 'Abort' }));
    await userEvent.click(screen.getByRole('dialog').querySelector('button[type="submit"]')!);
    const result = await screen.findByTestId('action-result');
    expect(result).toHaveTextContent('Aborted 1 of 2.');
    expect(result).toHaveTextContent('draft two: The experiment’s status does not allow this');
    expect(JSON.parse(fetch.mock.calls[0][1].body)).toMatchObject({ ids: ['t1', 't2'] });
    expect(fetch.mock.calls[0][0]).toContain('tasks.stop_many');
  });
});
