import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Four projects: everything that runs in Node or happy-dom (components opt in with a
// `// @vitest-environment happy-dom` docblock) with the server on SQLite; the billing rules again
// under Tally's exact decimal (lib/billing/exact-decimal.ts), the edition the browser bundles use
// (wxt.config.ts, embed/vite.config.ts), to prove docs/billing.md's examples hold under both; the server suite again on PostgreSQL (one
// throwaway cluster per run, a database per server), plus the tests only several nodes can
// fail; and the end-to-end tests in a real Chromium, which need the built extension and run one
// file at a time.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', 'tests/server/multi-node.test.ts', 'tests/server/postgres-*'],
          setupFiles: ['tests/support/contract-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        resolve: {
          alias: [
            {
              find: /^decimal\.js$/,
              replacement: fileURLToPath(new URL('lib/billing/exact-decimal.ts', import.meta.url)),
            },
          ],
        },
        test: {
          name: 'billing-exact',
          include: ['tests/billing/**/*.test.ts'],
          // It compares the edition with decimal.js itself: once, in the unit project, is enough.
          exclude: ['tests/billing/exact-decimal.test.ts'],
          env: { TALLY_DECIMAL_EDITION: 'exact-decimal' },
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: ['tests/server/**/*.test.ts', 'tests/api/real-server.test.ts'],
          exclude: ['tests/server/sqlite-*'],
          env: { TALLY_TEST_STORE: 'postgres' },
          globalSetup: ['tests/support/postgres-setup.ts'],
          setupFiles: ['tests/support/postgres-env.ts', 'tests/support/contract-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
