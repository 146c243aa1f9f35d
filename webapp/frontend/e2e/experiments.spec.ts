import { test, expect, setChecked } from './fixtures';
import { screenshot, seed } from './env';

test('the experiments table of a project lists its runs and pages through a scroll', async ({ page }) => {
  await page.goto(`/projects/${seed.pagedProject.id}/experiments`);
  const rows = page.getByTestId('experiments-table-row');
  await expect(rows.first()).toBeVisible();
  // 240 runs, 200 per page: the first page says there is more.
  await expect(page.getByTestId('experiment-count')).toHaveText(/200\+ experiments/);
  await screenshot(page, '03-experiments-table');

  // Only the visible rows are rendered.
  expect(await rows.count()).toBeLessThan(60);
  await page.getByTestId('experiments-table').evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await expect(page.getByTestId('experiment-count')).toHaveText(/^240 experiments/);
});

test('sorting by name and filtering by type and tag ask the server', async ({ page }) => {
  await page.goto(`/projects/${seed.pagedProject.id}/experiments`);
  await page.getByRole('button', { name: /^Name/ }).click();
  await expect(page.getByTestId('experiments-table-row').first()).toContainText('sweep 000');
  await page.getByRole('button', { name: /^Name/ }).click();
  await expect(page.getByTestId('experiments-table-row').first()).toContainText('sweep 239');

  await page.getByLabel('Filter Type').selectOption('testing');
  await expect(page.getByTestId('experiment-count')).toHaveText(/^48 experiments/);
  await page.getByLabel('Filter Tags').fill('even');
  await expect(page.getByTestId('experiment-count')).toHaveText(/^24 experiments/);
  await expect(page).toHaveURL(/type=testing/);
});

test('search, multi-select and keyboard open work on the table of all experiments', async ({ page }) => {
  await page.goto('/projects/*/experiments');
  await page.getByLabel('Search experiments').fill(seed.mainTask.name);
  await expect(page.getByTestId('experiments-table-row')).toHaveCount(1);
  await setChecked(page.getByLabel(`Select ${seed.mainTask.name}`), true);
  await expect(page.getByTestId('experiment-count')).toContainText('1 selected');

  await page.getByTestId('experiments-table-row').first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/experiments/${seed.mainTask.id}`));
});

test('a chosen hyperparameter column is kept in the user preferences', async ({ page }) => {
  await page.goto(`/projects/${seed.pagedProject.id}/experiments`);
  await page.getByRole('button', { name: 'Columns' }).click();
  await setChecked(page.getByLabel('Args/lr'), true);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('columnheader', { name: /Args\/lr/ })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('columnheader', { name: /Args\/lr/ })).toBeVisible();
  await page.getByRole('button', { name: /^Args\/lr/ }).click();
  await expect(page.getByTestId('experiments-table-row').first()).toContainText('0.009');
});

test('a last metric value column and the archive view', async ({ page }) => {
  await page.goto(`/projects/${seed.childProject.id}/experiments`);
  await page.getByRole('button', { name: 'Columns' }).click();
  await setChecked(page.getByLabel('loss/train'), true);
  await page.keyboard.press('Escape');
  const row = page.getByTestId('experiments-table-row').filter({ hasText: seed.mainTask.name });
  await expect(row).toContainText('0.04');
  await expect(page.getByTestId('experiments-table-row').filter({ hasText: seed.archivedTask.name })).toHaveCount(0);

  await setChecked(page.getByLabel('Archive', { exact: true }), true);
  await expect(page.getByTestId('experiments-table-row')).toHaveCount(1);
  await expect(page.getByTestId('experiments-table-row')).toContainText(seed.archivedTask.name);
});
