import { test, expect } from './fixtures';
import { env, screenshot } from './env';

test('a configured user signs in with username and password', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: 'xstore' })).toBeVisible();
  await screenshot(page, '01-login');

  await page.getByLabel('Username').fill(env.user);
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
  // The browser logs the refused auth.login (401) itself; that one is expected.
  expect(consoleErrors.every((e) => e.includes('401'))).toBe(true);
  consoleErrors.length = 0;

  await page.getByLabel('Password').fill(env.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.context().storageState({ path: `${env.output}/session.json` });
});
