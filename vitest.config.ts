import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/**/*.test.ts',
      'bench/**/*.test.ts',
      // the web app's component tests; each file picks happy-dom with `@vitest-environment happy-dom`
      'web/src/**/*.test.{ts,tsx}',
    ],
    // PostgreSQL is started once for the whole run (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    allowOnly: false,
    pool: 'forks',
  },
});
