import { test, expect } from './fixtures';
import { screenshot } from './env';
import { seed2 } from './seed2';

test('a queue lists its entries in order; they move, leave; charts show wait and length', async ({ page }) => {
  await page.goto(`/queues/${seed2.queue.id}`);
  const entries = page.getByTestId('queue-entry');
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toContainText('waiting one');
  await page.getByRole('button', { name: /^Move to front: waiting three/ }).click();
  await expect(entries.nth(0)).toContainText('waiting three');
  await page.getByRole('button', { name: /^Move down: waiting three/ }).click();
  await expect(entries.nth(1)).toContainText('waiting three');
  await page.getByRole('button', { name: /^Move to back: waiting one/ }).click();
  await expect(entries.nth(2)).toContainText('waiting one');
  await page.getByRole('button', { name: /^Remove waiting two/ }).click();
  await expect(entries).toHaveCount(2);
  await expect(page.getByLabel('Queue length')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByLabel('Average wait (s)')).toHaveAttribute('data-state', 'ready');
  await screenshot(page, '50-queues');
});

test('queues are created, renamed (a taken name is refused in plain words) and deleted', async ({ page, consoleErrors }) => {
  const name = `e2e-made-${Date.now()}`;
  await page.goto('/queues');
  await page.getByRole('button', { name: 'New queue' }).click();
  await page.getByLabel(/^Name/).fill(name);
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();

  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await page.getByRole('dialog').getByLabel('Name').fill(seed2.queue.name);
  await page.getByRole('dialog').getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toHaveText('A queue with that name already exists.');
  // The browser logs the refused queues.update (400) itself; that one is expected.
  expect(consoleErrors.every((e) => e.includes('400'))).toBe(true);
  consoleErrors.length = 0;
  await page.getByRole('dialog').getByLabel('Name').fill(`${name}-renamed`);
  await page.getByRole('dialog').getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { name: `${name}-renamed` })).toBeVisible();

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('list', { name: 'Queues' })).not.toContainText(`${name}-renamed`);
});

test('workers show what they run, since when, their queues, machine charts and activity', async ({ page }) => {
  await page.goto('/workers');
  const row = page.getByTestId('worker-row').filter({ hasText: seed2.worker.id });
  await expect(row).toContainText(seed2.worker.task.name);
  await expect(row).toContainText(seed2.queue.name);
  await row.getByRole('button', { name: seed2.worker.id }).click();
  await expect(page).toHaveURL(new RegExp(`/workers/${seed2.worker.id}$`));
  await expect(page.getByLabel(`CPU usage (%) of ${seed2.worker.id}`)).toHaveAttribute('data-state', 'ready');
  await expect(page.getByLabel(`GPU usage (%) of ${seed2.worker.id}`)).toHaveAttribute('data-state', 'ready');
  await expect(page.getByLabel(`Memory used of ${seed2.worker.id}`, { exact: true })).toHaveAttribute('data-state', 'ready');
  await expect(page.getByLabel('Workers over time')).toHaveAttribute('data-state', 'ready');
  await screenshot(page, '51-workers');
});
