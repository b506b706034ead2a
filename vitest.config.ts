import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every commit of a data store checks that disk holds exactly what memory does (main/store/verify.ts).
    env: { SMSIM_STORE_VERIFY: '1' },
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
