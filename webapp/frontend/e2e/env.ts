import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** What WebAppEndToEndIT seeded through the API (ids and names), read from the file named by XSTORE_SEED. */
interface Ref { id: string; name: string }

export interface Seed {
  parentProject: Ref;
  childProject: Ref;
  pagedProject: Ref & { tasks: number };
  mainTask: Ref & { project: string };
  runningTask: Ref & { project: string };
  archivedTask: Ref;
  spikeTask?: Ref & { project: string; metric: string; variant: string; spikeIter: number };
  model: Ref;
}

export const env = {
  user: process.env.XSTORE_USER ?? 'webuser',
  password: process.env.XSTORE_PASSWORD ?? 'webpass',
  output: process.env.XSTORE_E2E_OUTPUT ?? 'test-results',
  screenshots: process.env.XSTORE_SCREENSHOTS ?? 'test-results/screenshots',
};

export const seed: Seed = JSON.parse(readFileSync(process.env.XSTORE_SEED ?? 'seed.json', 'utf8'));

/** A full-page screenshot into the build output, named for the view it shows. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(env.screenshots, { recursive: true });
  await page.screenshot({ path: `${env.screenshots}/${name}.png`, fullPage: false });
}
