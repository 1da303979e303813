import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { versionedCopies } from './versioned-copies.ts';

// The embeddable widget's own library build (WXT builds extensions, not libraries):
// `npm run build:embed` → dist/embed/tally.mjs (ES module) and dist/embed/tally.js (classic
// script exposing `window.Tally`), plus immutable versioned copies and a manifest. CSS is
// imported with `?inline` and injected into the widget's shadow root, so no .css file is
// emitted and nothing is added to the host document.
const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

export default defineConfig({
  root,
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false }), versionedCopies()],
  // Library mode leaves `process.env` alone; a vendor's page has no `process`.
  define: {
    'process.env.NODE_ENV': JSON.stringify('production'),
    'import.meta.env.TALLY_EMBED_VERSION': JSON.stringify(version),
  },
  // decimal.js-light: the same author's subset of decimal.js, which lib/billing/decimal.ts
  // keeps to, at less than half the size.
  resolve: { alias: [{ find: /^decimal\.js$/, replacement: 'decimal.js-light/decimal.mjs' }] },
  publicDir: false,
  build: {
    outDir: 'dist/embed',
    emptyOutDir: true,
    target: 'es2022',
    // The stylesheet as browsers since 2024 read it (light-dark() natively: Chrome 123, Firefox
    // 120, Safari 17.5), not expanded into twice the custom properties for older ones.
    cssTarget: ['chrome123', 'firefox120', 'safari17.5'],
    // terser first (its passes shrink our code more than one oxc pass does), then oxc's minify
    // in the output options below: about 0.7 KB gzip less than oxc alone.
    minify: 'terser',
    terserOptions: {
      compress: { passes: 3 },
      format: { ascii_only: true, comments: false },
    },
    sourcemap: false,
    copyPublicDir: false,
    lib: {
      entry: fileURLToPath(new URL('./index.ts', import.meta.url)),
      name: 'Tally',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'tally.mjs' : 'tally.js'),
    },
    rolldownOptions: {
      // The classic script reads its origin from document.currentScript instead of
      // import.meta.url (see script-origin.ts), so an empty import.meta there is expected.
      checks: { emptyImportMeta: false, bundlerTimings: false },
      // Vite keeps whitespace in ES library output for downstream bundlers; this file is
      // served to browsers as is, so minify it fully, in one file.
      // ASCII only: a classic script is decoded with the host page's charset, which may not be
      // UTF-8, and "can’t", "…" or "·" would turn into mojibake.
      output: { minify: true, codeSplitting: false, comments: { legal: false }, charset: 'ascii' },
    },
  },
});
