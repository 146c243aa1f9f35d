import { test, expect } from './fixtures';
import { screenshot, seed } from './env';

test('projects show the seeded top-level projects with their experiment counts', async ({ page }) => {
  await page.goto('/projects');
  const card = page.getByTestId('project-card').filter({ hasText: seed.parentProject.name });
  await expect(card).toBeVisible();
  await expect(card.getByTestId('task-count')).not.toHaveText('0');
  await screenshot(page, '02-projects');
});
