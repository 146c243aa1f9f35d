import { test, expect, setChecked } from './fixtures';
import { screenshot, seed } from './env';
import { seed2 } from './seed2';

test('two runs picked in the table are compared: scalars, parameters, metrics, plots, images, outputs', async ({ page }) => {
  // The two runs are in different projects: pick them from the table of all experiments.
  await page.goto('/projects/*/experiments');
  await page.getByLabel('Search experiments').fill('train resnet');
  await setChecked(page.getByLabel(`Select ${seed.mainTask.name}`), true);
  await setChecked(page.getByLabel(`Select ${seed2.compareTask.name}`), true);
  await page.getByRole('toolbar', { name: 'Experiment actions' }).getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/\/compare\/.*\/scalars$/);
  const loss = page.getByLabel('Scalar loss');
  await expect(loss).toHaveAttribute('data-state', 'ready');
  await expect(loss.locator('.legendtext')).toContainText([`${seed.mainTask.name} · train`,
    `${seed2.compareTask.name} · train`]);
  await screenshot(page, '40-compare-scalars');

  await page.getByRole('tab', { name: 'Hyperparameters' }).click();
  const params = page.getByRole('table', { name: 'Hyperparameters and configuration side by side' });
  await expect(params.getByRole('row', { name: /Args\/lr/ })).toHaveAttribute('data-differs', 'true');
  await expect(params.getByRole('row', { name: /Args\/lr/ })).toContainText('0.02');
  await expect(params.getByRole('row', { name: /batch_size/ })).toHaveAttribute('data-differs', 'false');
  await setChecked(page.getByLabel('Differences only'), true);
  await expect(params.getByRole('row', { name: /batch_size/ })).toHaveCount(0);
  await expect(params.getByRole('row', { name: /Args\/lr/ })).toBeVisible();
  await screenshot(page, '41-compare-parameters');

  await page.getByRole('tab', { name: 'Metrics' }).click();
  await expect(page.getByRole('table', { name: 'Last metric values side by side' }).getByRole('row', { name: /loss\/train/ }))
    .toHaveAttribute('data-differs', 'true');
  await screenshot(page, '42-compare-metrics');

  await page.getByRole('tab', { name: 'Plots' }).click();
  await expect(page.getByLabel(`Plot Confusion matrix of ${seed2.compareTask.name}`)).toHaveAttribute('data-state', 'ready');
  await expect(page.getByLabel(`Plot Confusion matrix of ${seed.mainTask.name}`)).toHaveAttribute('data-state', 'ready');
  await screenshot(page, '43-compare-plots');

  await page.getByRole('tab', { name: 'Debug images' }).click();
  await expect(page.getByRole('img', { name: `samples / img of ${seed.mainTask.name}` })).toBeVisible();
  await screenshot(page, '44-compare-debug-images');

  await page.getByRole('tab', { name: 'Artifacts & models' }).click();
  await expect(page.getByRole('table', { name: 'Artifacts and models side by side' }).getByRole('row', { name: /metrics/ }))
    .toBeVisible();
  await screenshot(page, '45-compare-outputs');
});
