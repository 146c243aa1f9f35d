import { test, expect, setChecked } from './fixtures';
import { screenshot } from './env';
import { seed2, SimulatedWorker } from './seed2';

const table = (project: string) => `/projects/${project}/experiments`;

test('an experiment enqueued from the table is pulled by a worker', async ({ page }) => {
  await page.goto(table(seed2.actionsProject.id));
  await setChecked(page.getByLabel(`Select ${seed2.draftA.name}`), true);
  const actions = page.getByRole('toolbar', { name: 'Experiment actions' });
  await screenshot(page, '20-actions-toolbar');
  await actions.getByRole('button', { name: 'Enqueue' }).click();
  const dialog = page.getByRole('dialog', { name: /Enqueue/ });
  await dialog.getByLabel('Queue').selectOption(seed2.emptyQueue.id);
  await screenshot(page, '21-enqueue-dialog');
  await dialog.getByRole('button', { name: 'Enqueue' }).click();
  await expect(page.getByTestId('action-result')).toContainText(`Enqueued “${seed2.draftA.name}”`);
  await expect(page.getByTestId('experiments-table-row').filter({ hasText: seed2.draftA.name })).toContainText('queued');

  await page.goto(`/queues/${seed2.emptyQueue.id}`);
  await expect(page.getByTestId('queue-entry')).toHaveCount(1);
  await expect(page.getByTestId('queue-entry')).toContainText(seed2.draftA.name);

  const worker = new SimulatedWorker(page.request, `e2e-puller-${Date.now()}`);
  await worker.register([seed2.emptyQueue.id]);
  expect(await worker.pull(seed2.emptyQueue.id)).toBe(seed2.draftA.id);
  await worker.started(seed2.draftA.id);
  // The page polls the queue every 5 s; a loaded machine may take a few rounds.
  await expect(page.getByTestId('queue-entry')).toHaveCount(0, { timeout: 45_000 });
  await page.goto(`${table(seed2.actionsProject.id)}/${seed2.draftA.id}`);
  await expect(page.locator('header .status')).toHaveText('in progress');
});

test('a running experiment is aborted from its page after a confirmation', async ({ page }) => {
  await page.goto(`${table(seed2.actionsProject.id)}/${seed2.actRunning.id}/info`);
  await expect(page.locator('header .status')).toHaveText('in progress');
  await page.getByRole('toolbar', { name: 'Experiment actions' }).getByRole('button', { name: 'Abort' }).click();
  const dialog = page.getByRole('dialog', { name: `Abort “${seed2.actRunning.name}”?` });
  await screenshot(page, '22-abort-confirmation');
  await dialog.getByRole('button', { name: 'Abort' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.locator('header .status')).toHaveText('stopped');
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByTestId('history-entry').first()).toHaveAttribute('data-kind', /stopped|aborted/);
});

test('tags, name and comment, clone, move, archive and restore from the table and the page', async ({ page }) => {
  await page.goto(table(seed2.actionsProject.id));
  const row = page.getByTestId('experiments-table-row').filter({ hasText: seed2.draftB.name });
  await setChecked(page.getByLabel(`Select ${seed2.draftB.name}`), true);
  const actions = page.getByRole('toolbar', { name: 'Experiment actions' });

  await actions.getByRole('button', { name: 'Tags' }).click();
  await page.getByLabel('Add tags (comma separated)').fill('reviewed');
  await page.getByRole('dialog').getByText('act', { exact: true }).click();
  await page.getByRole('button', { name: 'Save tags' }).click();
  await expect(row).toContainText('reviewed');
  await expect(row.locator('.tag')).toHaveText(['reviewed']);

  await actions.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Name', { exact: true }).fill(`${seed2.draftB.name} edited`);
  await page.getByLabel('Comment', { exact: true }).fill('checked by e2e');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('experiments-table-row').filter({ hasText: `${seed2.draftB.name} edited` })).toHaveCount(1);

  await actions.getByRole('button', { name: 'Clone' }).click();
  const clone = page.getByRole('dialog', { name: /Clone/ });
  await clone.getByLabel('Name', { exact: true }).fill(`clone of beta ${seed2.draftB.id.slice(0, 4)}`);
  await clone.getByLabel('Project', { exact: true }).selectOption({ label: seed2.targetProject.name });
  await clone.getByRole('button', { name: 'Clone' }).click();
  await expect(page.getByTestId('action-result')).toContainText('Cloned');
  await page.getByRole('link', { name: 'Open the clone' }).click();
  await expect(page.getByRole('heading', { name: `clone of beta ${seed2.draftB.id.slice(0, 4)}` })).toBeVisible();

  await page.goto(table(seed2.actionsProject.id));
  await setChecked(page.getByLabel(`Select ${seed2.draftB.name} edited`), true);
  await actions.getByRole('button', { name: 'Archive' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByTestId('experiments-table-row').filter({ hasText: seed2.draftB.name })).toHaveCount(0);
  await setChecked(page.getByLabel('Archive', { exact: true }), true);
  await setChecked(page.getByLabel(`Select ${seed2.draftB.name} edited`), true);
  await actions.getByRole('button', { name: 'Restore' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByTestId('experiments-table-row').filter({ hasText: seed2.draftB.name })).toHaveCount(0);
  await setChecked(page.getByLabel('Archive', { exact: true }), false);

  await setChecked(page.getByLabel(`Select ${seed2.draftB.name} edited`), true);
  await actions.getByRole('button', { name: 'Move' }).click();
  await page.getByRole('dialog').getByLabel('To project').selectOption({ label: seed2.targetProject.name });
  await page.getByRole('dialog').getByRole('button', { name: 'Move' }).click();
  await expect(page.getByTestId('experiments-table-row').filter({ hasText: seed2.draftB.name })).toHaveCount(0);
  await page.goto(table(seed2.targetProject.id));
  await expect(page.getByTestId('experiments-table-row').filter({ hasText: `${seed2.draftB.name} edited` })).toHaveCount(1);
});

test('publish, reset, dequeue and delete; a refusal is said in plain words', async ({ page }) => {
  await page.goto(`${table(seed2.actionsProject.id)}/${seed2.actCompleted.id}/info`);
  const actions = page.getByRole('toolbar', { name: 'Experiment actions' });
  await actions.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reset' }).click();
  await expect(page.locator('header .status')).toHaveText('created');

  // Enqueued together with a run already waiting in that queue: one is refused, and the result says why.
  await page.goto(table(seed2.actionsProject.id));
  await setChecked(page.getByLabel(`Select ${seed2.actCompleted.name}`), true);
  await setChecked(page.getByLabel(/^Select waiting one/), true);
  await page.getByRole('toolbar', { name: 'Experiment actions' }).getByRole('button', { name: 'Enqueue' }).click();
  await page.getByRole('dialog').getByLabel('Queue').selectOption(seed2.queue.id);
  await page.getByRole('dialog').getByRole('button', { name: 'Enqueue' }).click();
  const result = page.getByTestId('action-result');
  await expect(result).toContainText('Enqueued 1 of 2');
  await expect(result.getByRole('listitem')).toContainText(/waiting one .*: The experiment is already in that queue/);
  await screenshot(page, '23-action-refused');

  await page.goto(`${table(seed2.actionsProject.id)}/${seed2.actCompleted.id}/info`);
  await expect(page.locator('header .status')).toHaveText('queued');
  await actions.getByRole('button', { name: 'Dequeue' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Dequeue' }).click();
  await expect(page.locator('header .status')).toHaveText('created');

  await actions.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: /Delete/ });
  await expect(dialog.getByLabel(/Also delete their files/)).toBeChecked();
  await setChecked(dialog.getByLabel(/Also delete their files/), false);
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${seed2.actionsProject.id}/experiments$`));
  await expect(page.getByTestId('experiments-table-row').filter({ hasText: seed2.actCompleted.name })).toHaveCount(0);
});
