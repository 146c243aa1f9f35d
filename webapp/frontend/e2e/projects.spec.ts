import { test, expect } from './fixtures';
import { env, screenshot, seed } from './env';

test('projects show the seeded top-level projects with their experiment counts', async ({ page }) => {
  await page.goto('/projects');
  const card = page.getByTestId('project-card').filter({ hasText: seed.parentProject.name });
  await expect(card).toBeVisible();
  // Counts include the subprojects: the finished and the running run of Vision, plus the spike run if seeded.
  await expect(card.getByTestId('task-count')).toHaveText(seed.spikeTask ? '3' : '2');
  await expect(card.getByRole('list', { name: 'Experiments by status' })).toContainText('completed');
  await screenshot(page, '02-projects');

  await card.click();
  await expect(page).toHaveURL(new RegExp(`/projects/${seed.parentProject.id}/projects$`));
  const child = page.getByTestId('project-card').filter({ hasText: 'Vision' });
  await expect(child.getByTestId('task-count')).toHaveText('2');
  await child.click();
  await expect(page).toHaveURL(new RegExp(`/projects/${seed.childProject.id}/experiments$`));
  await expect(page.getByTestId('experiments-table-row').filter({ hasText: seed.mainTask.name })).toBeVisible();
});

test('project search looks through every level', async ({ page }) => {
  await page.goto('/projects');
  await page.getByLabel('Search projects').fill(`${seed.parentProject.name}/Vis`);
  await expect(page.getByTestId('project-card')).toHaveCount(1);
  await expect(page.getByTestId('project-card')).toContainText('Vision');
});

test('sign out ends the session', async ({ browser }) => {
  // A session of its own: signing out revokes the token, and the other tests share theirs.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Username').fill(env.user);
  await page.getByLabel('Password').fill(env.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/models');
  await expect(page).toHaveURL(/\/login$/);
  await context.close();
});
