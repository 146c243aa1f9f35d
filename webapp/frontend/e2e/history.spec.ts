import { test, expect } from './fixtures';
import { screenshot, seed } from './env';
import { seed2 } from './seed2';

test('the history tab lists the seeded changes with before and after, filters, field history and as-of', async ({ page }) => {
  const h = seed2.historyTask;
  await page.goto(`/projects/${h.project}/experiments/${h.id}/history`);
  const entries = page.getByTestId('history-entry');
  await expect(entries.first()).toBeVisible();
  await expect(page.getByTestId('history-count')).toHaveText(/^4 changes/);
  await expect(entries).toHaveText([/hyperparameter Args\/lr/, /tag/, /renamed/, /created/]);
  await expect(entries.nth(0)).toHaveAttribute('data-kind', 'hyperparams_changed');

  await entries.nth(0).getByRole('button', { name: /Changes/ }).click();
  const changes = page.getByRole('table', { name: /Changes of entry/ });
  await expect(changes.getByRole('row', { name: /hyperparams\.Args\.lr\.value/ })).toContainText('0.1');
  await expect(changes.getByRole('row', { name: /hyperparams\.Args\.lr\.value/ })).toContainText('0.01');
  await screenshot(page, '30-history-tab');

  // The field links to its own history: the creation (0.1) and the change (0.01).
  await changes.getByRole('button', { name: 'hyperparams.Args.lr.value' }).click();
  await expect(page).toHaveURL(/field=hyperparams\.Args\.lr\.value/);
  await expect(entries).toHaveCount(2);
  await page.getByRole('button', { name: 'Show all fields' }).click();
  await expect(entries).toHaveCount(4);

  await page.getByLabel('Kind of change').selectOption('renamed');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText(h.firstName);
  await page.getByLabel('Kind of change').selectOption('');

  // The state right after the creation still has the first name and lr 0.1.
  await entries.filter({ hasText: 'created' }).getByRole('button', { name: 'Show as of this point' }).click();
  const state = page.getByTestId('as-of-state');
  await expect(state).toContainText(h.firstName);
  await screenshot(page, '31-history-as-of');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('project and model pages have their history', async ({ page }) => {
  await page.goto(`/projects/${seed.parentProject.id}/history`);
  await expect(page.getByTestId('history-entry').last()).toHaveAttribute('data-kind', 'created');
  await page.goto(`/models/${seed.model.id}/history`);
  await expect(page.getByRole('heading', { name: seed.model.name })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('history-entry').filter({ hasText: /created/ })).toHaveCount(1);
  await screenshot(page, '32-model-history');
});

test('the audit log lists the changes of the whole company for an admin', async ({ page }) => {
  await page.goto('/audit');
  const entries = page.getByTestId('history-entry');
  await expect(entries.first()).toBeVisible();
  await page.getByLabel('Kind of change').selectOption('renamed');
  await expect(entries.filter({ hasText: seed2.historyTask.name })).not.toHaveCount(0);
  await screenshot(page, '33-audit-log');
  await entries.filter({ hasText: seed2.historyTask.name }).first().getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/experiments/${seed2.historyTask.id}/history`));
});
