import preact from '@preact/preset-vite';
import { mergeConfig } from 'vite';
import { defineConfig } from 'wxt';
import { DEFAULT_EDITOR_MATCHES } from './lib/extension/default-editor-matches.ts';

// Host permissions: the billing API and the editor pages, nothing else. A match pattern without
// a port matches every port, so the demo server works on 8787 and on a test's random port.
// A vendor building for its own API sets TALLY_API_ORIGINS (comma-separated origins).
const API_ORIGINS = (process.env.TALLY_API_ORIGINS ?? 'http://127.0.0.1,http://localhost')
  .split(',')
  .map((origin) => origin.trim().replace(/\/+$/, ''))
  .filter(Boolean);

export default defineConfig({
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The pages and the content script do billing math with decimal.js-light, the same
    // author's subset of decimal.js at less than half its size (lib/billing/decimal.ts keeps to
    // that subset); the worker keeps decimal.js, like the server.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entrypoint) => entrypoint.type === 'background')) return;
      const light = { find: /^decimal\.js$/, replacement: 'decimal.js-light/decimal.mjs' };
      Object.assign(config, mergeConfig(config, { resolve: { alias: [light] } }));
    },
  },
  manifest: {
    name: 'Tally — credit control',
    description:
      'Your credit balance, the cost of each operation and a clear choice when credits run out.',
    permissions: ['storage', 'alarms'],
    host_permissions: API_ORIGINS.map((origin) => `${origin}/*`),
    action: { default_title: 'Tally' },
    // The consent page is framed into editor pages. A per-session URL (use_dynamic_url) so a
    // page cannot frame it by itself; the worker answers it only for the id it minted anyway.
    web_accessible_resources: [
      {
        resources: ['consent.html'],
        matches: DEFAULT_EDITOR_MATCHES.map((pattern) => `${new URL(pattern).origin}/*`),
        use_dynamic_url: true,
      },
    ],
  },
});
