import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Three projects: everything that runs in Node or happy-dom (components opt in with a
// `// @vitest-environment happy-dom` docblock); the billing rules again under decimal.js-light,
// the edition the browser bundles use (wxt.config.ts, embed/vite.config.ts), to prove the two
// agree; and the end-to-end tests in a real Chromium, which need the built extension and run
// one file at a time.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        resolve: {
          alias: [{ find: /^decimal\.js$/, replacement: 'decimal.js-light/decimal.mjs' }],
        },
        test: {
          name: 'billing-light',
          include: ['tests/billing/**/*.test.ts'],
          env: { TALLY_DECIMAL_EDITION: 'decimal.js-light' },
          testTimeout: 30_000,
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
