import { defineConfig } from 'vitest/config';

// Three projects: pure unit tests, integration through the real server on a real database
// (run once on SQLite and once on PostgreSQL + Redis), and end-to-end journeys in Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/protocol/src/**/*.test.ts',
            'packages/widget/src/**/*.test.ts',
            'packages/inbox/src/**/*.test.ts',
            'packages/server/src/**/*.unit.test.ts',
            'docs/**/*.test.ts',
            'scripts/**/*.test.mjs',
            'eslint-rules/**/*.test.js',
          ],
          environment: 'node',
          // A generous bound: property tests take 1 s on a quiet machine and 5+ s beside a CPU hog.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['packages/server/src/**/*.test.ts'],
          // Several server processes share PostgreSQL + Redis: those tests belong to the PostgreSQL run.
          exclude: [
            'packages/server/src/**/*.unit.test.ts',
            ...(process.env.CHARLA_TEST_DB === 'postgres'
              ? []
              : ['packages/server/src/**/*.multiprocess.test.ts']),
          ],
          environment: 'node',
          // Bounds for a hang, not for speed: a whole run beside a CPU hog and other jobs (load 20+ on
          // 2 cores) took 3x longer per test; speed is measured in `npm run bench`.
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: true,
          maxWorkers: 2,
          globalSetup: ['packages/server/src/test/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ['e2e/global-setup.ts'],
        },
      },
    ],
  },
});
