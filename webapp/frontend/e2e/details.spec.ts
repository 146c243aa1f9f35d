import { test, expect, setChecked } from './fixtures';
import { screenshot, seed } from './env';

const base = () => `/projects/${seed.mainTask.project}/experiments/${seed.mainTask.id}`;

test('execution shows the script, the uncommitted diff, packages and container', async ({ page }) => {
  await page.goto(base());
  await expect(page).toHaveURL(/\/execution$/);
  await expect(page.getByRole('heading', { name: seed.mainTask.name })).toBeVisible();
  await expect(page.getByText('https://github.com/example/vision.git')).toBeVisible();
  await expect(page.getByTestId('diff')).toContainText('+lr = 0.01');
  await expect(page.getByTestId('packages')).toContainText('torch==2.1.0');
  await expect(page.getByText('pytorch/pytorch:2.1.0-cuda12.1')).toBeVisible();
  await screenshot(page, '04-tab-execution');
});

test('configuration shows hyperparameters by section and configuration objects', async ({ page }) => {
  await page.goto(`${base()}/configuration`);
  const args = page.getByRole('table', { name: 'Hyperparameters Args' });
  await expect(args.getByRole('row', { name: /batch_size/ })).toContainText('64');
  await expect(page.getByRole('table', { name: 'Hyperparameters General' })).toContainText('adam');
  await expect(page.getByText('pretrained: true')).toBeVisible();
  await screenshot(page, '05-tab-configuration');
});

test('artifacts show a preview and a download link through /files, models link to their page', async ({ page }) => {
  await page.goto(`${base()}/artifacts`);
  const artifact = page.getByTestId('artifact').filter({ hasText: 'metrics' });
  await expect(artifact.getByLabel('Preview of metrics')).toContainText('epoch,loss');
  const href = await artifact.getByRole('link').getAttribute('href');
  expect(href).toMatch(/^\/files\/.*metrics\.csv\?download$/);
  const download = await page.request.get(href!);
  expect(await download.text()).toContain('epoch,loss');
  await expect(page.getByRole('link', { name: seed.model.name })).toBeVisible();
  await screenshot(page, '06-tab-artifacts');
});

test('info lists the run facts', async ({ page }) => {
  await page.goto(`${base()}/info`);
  await expect(page.getByText(seed.mainTask.id)).toBeVisible();
  await expect(page.getByText('baseline run')).toBeVisible();
  await screenshot(page, '07-tab-info');
});

test('console shows the log, searches it and offers a download', async ({ page }) => {
  await page.goto(`${base()}/console`);
  const console = page.getByTestId('console');
  await expect(console).toContainText('epoch 0 loss=2.000');
  await expect(console).toContainText('epoch 29 loss=0.067');
  await page.getByLabel('Search the console').fill('epoch 1');
  await expect(page.getByText(/of 30 lines/)).toHaveText(/^11 of 30 lines/);
  await screenshot(page, '08-tab-console');
  const href = await page.getByRole('link', { name: 'Download' }).getAttribute('href');
  expect(await (await page.request.get(href!)).text()).toContain('epoch 29 loss=0.067');
});

test('scalars draw one chart per metric and the single values as a table', async ({ page }) => {
  await page.goto(`${base()}/scalars`);
  await expect(page.getByRole('region', { name: 'Single values' })).toContainText('test_accuracy');
  await expect(page.getByRole('region', { name: 'Single values' })).toContainText('0.93');
  for (const metric of ['accuracy', 'loss']) {
    await expect(page.getByLabel(`Scalar ${metric}`)).toHaveAttribute('data-state', 'ready');
  }
  await expect(page.getByLabel('Scalar loss').locator('.legendtext')).toHaveText(['train', 'validation']);
  await page.getByLabel('Smoothing').fill('0.6');
  await setChecked(page.getByLabel('Log scale'), true);
  await page.getByLabel('X axis').selectOption('relative');
  await expect(page.getByLabel('Scalar loss')).toContainText('Time from start (s)');
  await page.getByLabel('X axis').selectOption('wall');
  await expect(page.getByLabel('Scalar loss')).toHaveAttribute('data-state', 'ready');
  await screenshot(page, '09-tab-scalars');
});

test('plots render the Plotly figure as sent', async ({ page }) => {
  await page.goto(`${base()}/plots`);
  const plot = page.getByLabel('Plot Confusion matrix');
  await expect(plot).toHaveAttribute('data-state', 'ready');
  await expect(plot).toContainText('confusion matrix');
  await expect(plot.locator('.heatmaplayer')).toHaveCount(1);
  await screenshot(page, '10-tab-plots');
});

test('debug images are grouped by metric with an iteration slider and a full-size view', async ({ page }) => {
  await page.goto(`${base()}/debug-images`);
  const group = page.getByRole('region', { name: 'Debug images of samples' });
  await expect(group.getByRole('img')).toHaveJSProperty('complete', true);
  await expect(group).toContainText('Iteration 2');
  await group.getByLabel('Iteration of samples').fill('0');
  await expect(group.getByRole('img', { name: 'samples img iteration 0' })).toBeVisible();
  expect(await group.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);
  await screenshot(page, '11-tab-debug-images');
  await group.getByRole('button', { name: /full size/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
