import { test, expect } from './fixtures';
import { screenshot, seed } from './env';

const api = '/api/v2.31';

test('a running experiment updates its console, scalars, iteration and status without a reload', async ({ page }) => {
  const task = seed.runningTask;
  await page.goto(`/projects/${task.project}/experiments/${task.id}/console`);
  await expect(page.getByTestId('console')).toContainText('live run started');
  await expect(page.getByText('live', { exact: true })).toBeVisible();

  // The run reports more, through the same API the SDK uses (the page's own session).
  const now = Date.now();
  const lines = [
    { type: 'log', task: task.id, iter: 7, level: 'info', worker: 'e2e', msg: 'epoch 7 done', timestamp: now },
    ...[5, 6, 7].map((iter) => ({ type: 'training_stats_scalar', task: task.id, metric: 'live_loss',
      variant: 'train', iter, value: 1 / iter, timestamp: now + iter })),
  ].map((e) => JSON.stringify(e)).join('\n');
  const added = await page.request.post(`${api}/events.add_batch`, { data: lines,
    headers: { 'Content-Type': 'application/json-lines' } });
  expect(added.ok()).toBe(true);

  await expect(page.getByTestId('console')).toContainText('epoch 7 done', { timeout: 10_000 });
  await expect(page.getByTestId('last-iteration')).toHaveText('iteration 7', { timeout: 10_000 });
  await page.getByRole('tab', { name: 'Scalars' }).click();
  await expect(page.getByLabel('Scalar live_loss')).toHaveAttribute('data-state', 'ready');
  await screenshot(page, '14-live-run');

  const stopped = await page.request.post(`${api}/tasks.completed`, { data: { task: task.id, force: true } });
  expect(stopped.ok()).toBe(true);
  await expect(page.locator('header .status')).toHaveText('completed', { timeout: 10_000 });
  await expect(page.getByText('live', { exact: true })).toHaveCount(0);
});
