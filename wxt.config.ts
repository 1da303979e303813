import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { mergeConfig } from 'vite';
import { defineConfig } from 'wxt';
import { DEFAULT_EDITOR_MATCHES } from './lib/extension/editor-matches.ts';
import { localeFiles } from './lib/i18n/locale-files.ts';

// Host permissions: the billing API and the editor pages, nothing else. A match pattern without
// a port matches every port, so the demo server works on 8787 and on a test's random port.
// A vendor building for its own API sets TALLY_API_ORIGINS (comma-separated origins).
const API_ORIGINS = (process.env.TALLY_API_ORIGINS ?? 'http://127.0.0.1,http://localhost')
  .split(',')
  .map((origin) => origin.trim().replace(/\/+$/, ''))
  .filter(Boolean);

const PRIVACY_PAGE = 'privacy.txt';

// Firefox's built-in consent (required of new add-ons since November 2025) lists what leaves the
// browser. Tally sends, only to the billing API the user connected: the member token
// (authenticationInfo), the editor operations the user runs and their quantities
// (websiteActivity), and the overage payments and plan changes the user confirms
// (financialAndPaymentInfo). docs/privacy.md says the same in words. The key exists from
// Firefox 140 (desktop) and 142 (Android).
const GECKO = {
  gecko: {
    id: process.env.TALLY_GECKO_ID ?? 'tally@credit-control.dev',
    strict_min_version: '140.0',
    data_collection_permissions: {
      required: ['authenticationInfo', 'websiteActivity', 'financialAndPaymentInfo'],
    },
  },
  gecko_android: { strict_min_version: '142.0' },
};

export default defineConfig({
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // docs/privacy.md travels inside the extension, as plain text every browser shows as is,
    // so the popup's link works offline and never drifts from the published page.
    // The browser's own message files, written from lib/i18n's catalogues.
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(PRIVACY_PAGE, ...localeFiles().map((file) => file.relativeDest));
    },
    'build:publicAssets': (wxt, files) => {
      const contents = readFileSync(join(wxt.config.root, 'docs/privacy.md'), 'utf8');
      files.push({ relativeDest: PRIVACY_PAGE, contents }, ...localeFiles());
    },
    // The pages and the content script do billing math with Tally's exact decimal
    // (lib/billing/exact-decimal.ts: the subset lib/billing/decimal.ts types its Decimal as, with
    // decimal.js's results, at a fraction of its size); the worker keeps decimal.js, like the
    // server.
    'vite:build:extendConfig': (entrypoints, config) => {
      // The content script: terser's passes, then oxc's minify (output options), about 0.5 KB
      // gzip less than oxc alone against its 24 KB budget (docs/architecture.md). Only there:
      // terser is slow, and the other bundles have no budget.
      if (entrypoints.some((entrypoint) => entrypoint.type === 'content-script')) {
        const terser = {
          minify: 'terser',
          terserOptions: { compress: { passes: 3 }, format: { comments: false } },
          // terser takes most of the build's time on purpose: no timing report on every build.
          rolldownOptions: { output: { minify: true }, checks: { bundlerTimings: false } },
        } as const;
        // Its stylesheet as the browsers the extension supports read it (light-dark() natively),
        // not expanded for older ones.
        const build = { ...terser, cssTarget: ['chrome123', 'firefox128'] };
        // Tally's own small ContentScriptContext in place of WXT's (why: that file).
        const context = {
          find: 'wxt/utils/content-script-context',
          replacement: resolve('lib/extension/content-script-context.ts'),
        };
        Object.assign(config, mergeConfig(config, { build, resolve: { alias: [context] } }));
      }
      if (entrypoints.some((entrypoint) => entrypoint.type === 'background')) return;
      const exact = { find: /^decimal\.js$/, replacement: resolve('lib/billing/exact-decimal.ts') };
      Object.assign(config, mergeConfig(config, { resolve: { alias: [exact] } }));
    },
  },
  // `npm run package`: the store zips, and for addons.mozilla.org the sources it rebuilds from.
  zip: {
    name: 'tally',
    artifactTemplate: '{{name}}-{{packageVersion}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{packageVersion}}-sources.zip',
    excludeSources: ['.output/**', 'dist/**', 'data/**', 'bench/results/**', '.test-results/**'],
  },
  manifest: ({ browser }) => ({
    // In the browser's language (lib/i18n's catalogues, written to _locales).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // notifications: an admin hears of a member's upgrade request with no popup open.
    permissions: ['storage', 'alarms', 'notifications'],
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
    ...(browser === 'firefox' ? { browser_specific_settings: GECKO } : {}),
  }),
});
