import { test, expect } from './fixtures';
import { screenshot, seed } from './env';

test('the models table lists the seeded model and opens its details', async ({ page }) => {
  await page.goto('/models');
  await page.getByLabel('Search models').fill(seed.model.name);
  const row = page.getByTestId('models-table-row').filter({ hasText: seed.model.name });
  await expect(row).toContainText('PyTorch');
  await expect(row).toContainText('published');
  await expect(row).toContainText(seed.mainTask.name);
  await page.getByLabel('Search models').fill('');
  await expect(page.getByTestId('models-table-row').first()).toBeVisible();
  await screenshot(page, '12-models-table');

  await page.getByLabel('Search models').fill(seed.model.name);
  await row.click();
  await expect(page).toHaveURL(new RegExp(`/models/${seed.model.id}/general$`));
  await expect(page.getByText('best checkpoint')).toBeVisible();
  await screenshot(page, '13-model-general');

  await page.getByRole('tab', { name: 'Labels' }).click();
  await expect(page.getByRole('table', { name: 'Labels' })).toContainText('dog');
  await page.getByRole('tab', { name: 'Labels' }).press('ArrowRight');
  await expect(page).toHaveURL(/\/metadata$/);
  await expect(page.getByRole('table', { name: 'Metadata' })).toContainText('epochs');
  await page.getByRole('tab', { name: 'Lineage' }).click();
  await page.getByRole('link', { name: seed.mainTask.name }).click();
  await expect(page.getByRole('heading', { name: seed.mainTask.name })).toBeVisible();
});
