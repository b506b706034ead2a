import { defineConfig } from '@playwright/test';

// Chromium comes from the system (Debian's package), never from `playwright install`.
export default defineConfig({
  testDir: 'test/browser',
  outputDir: 'test-results',
  reporter: 'list',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  use: {
    browserName: 'chromium',
    headless: true,
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
