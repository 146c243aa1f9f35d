import { test as base, expect, type Locator } from '@playwright/test';

/** Every test fails when the page logs an error to the console or throws. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
    expect(errors, 'console errors').toEqual([]);
  }, { auto: true }],
});

export { expect };

/**
 * Sets a checkbox and waits until it shows the new state. Unlike `check()`, it allows the state to arrive a moment
 * after the click (a URL update in a transition, a preference written optimistically).
 */
export async function setChecked(box: Locator, checked: boolean) {
  if ((await box.isChecked()) !== checked) await box.click();
  if (checked) await expect(box).toBeChecked();
  else await expect(box).not.toBeChecked();
}
