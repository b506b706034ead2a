import { test as base } from '@playwright/test';
import { startServe } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

interface Smsim {
  controlUrl: string;
}

/** One real `smsim serve` (the CLI, free ports, a fresh data folder) per worker; pages open its UI. */
export const test = base.extend<object, { smsim: Smsim }>({
  smsim: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const dir = await tempDir('smsim-browser-');
      try {
        const serve = await startServe(dir.path);
        try {
          await use({ controlUrl: serve.controlUrl });
        } finally {
          serve.child.kill('SIGTERM');
          await serve.exited;
        }
      } finally {
        await dir.remove();
      }
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  baseURL: async ({ smsim }, use) => use(smsim.controlUrl),
});

export { expect } from '@playwright/test';
