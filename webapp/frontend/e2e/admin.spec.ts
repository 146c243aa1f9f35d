import { test, expect } from './fixtures';
import { screenshot } from './env';

test('the dashboard shows running and queued counts, recent projects and experiments', async ({ page }) => {
  await page.goto('/dashboard');
  await expect(page.getByTestId('running-count')).toContainText(/Running\s*[1-9]/);
  await expect(page.getByTestId('queued-count')).toContainText(/Queued\s*[1-9]/);
  await expect(page.getByRole('region', { name: 'Recent projects' }).getByRole('link').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Recent experiments' }).getByRole('row')).not.toHaveCount(0);
  await screenshot(page, '60-dashboard');
});

test('settings: profile, credentials created with a clearml.conf snippet and revoked, users, server health', async ({ page }) => {
  await page.goto('/settings');
  await expect(page.getByRole('region', { name: 'Profile' })).toContainText('admin');
  const label = `e2e ${Date.now()}`;
  await page.getByLabel('Label of the new credentials').fill(label);
  await page.getByRole('button', { name: 'Create credentials' }).click();
  const snippet = page.getByLabel('clearml.conf snippet');
  await expect(snippet).toContainText('api_server:');
  await expect(snippet).toContainText('"secret_key" = "');
  const accessKey = /"access_key" = "([^"]+)"/.exec(await snippet.innerText())![1];
  const row = page.getByTestId('credential-row').filter({ hasText: accessKey });
  await expect(row).toContainText(label);
  await expect(page.getByRole('table', { name: 'Users of the company' })).toBeVisible();
  await expect(page.getByTestId('server-health')).toHaveText('healthy');
  await screenshot(page, '61-settings');

  await page.getByRole('button', { name: 'Done' }).click();
  await row.getByRole('button', { name: `Revoke ${accessKey}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toHaveCount(0);
});
