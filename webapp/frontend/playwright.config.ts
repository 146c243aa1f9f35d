import { defineConfig } from '@playwright/test';

// Driven by server/src/test/java/io/xstore/server/webapp/WebAppEndToEndIT.java, which seeds a real server and
// passes its address, the login and the seeded ids in the environment (see e2e/env.ts). Debian's chromium only:
// Playwright's own browser download does not work on the build machines.
const output = process.env.XSTORE_E2E_OUTPUT ?? 'test-results';

export default defineConfig({
  testDir: 'e2e',
  outputDir: `${output}/artifacts`,
  // Generous: the build machines are shared, and a loaded one is several times slower.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: process.env.XSTORE_WEB_URL,
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.XSTORE_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'login', testMatch: /login\.setup\.ts/ },
    { name: 'app', dependencies: ['login'], use: { storageState: `${output}/session.json` } },
  ],
});
