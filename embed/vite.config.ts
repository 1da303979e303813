import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { entryFiles } from './entry-files.ts';

// The embeddable widget's own library build (WXT builds extensions, not libraries):
// `npm run build:embed` → dist/embed/: the widget as ES modules named with the version
// (tally-core.<version>.mjs, loaded at once, and the chunks it imports on demand, such as the
// team part), and the two files a page names, tally.mjs (re-exports the core) and tally.js
// (classic loader exposing `window.Tally`), with their versioned copies and a manifest
// (entry-files.ts). CSS is imported with `?inline` and injected into the widget's shadow root,
// so no .css file is emitted and nothing is added to the host document.
const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

export default defineConfig({
  root,
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false }), entryFiles(version)],
  // Library mode leaves `process.env` alone; a vendor's page has no `process`.
  define: {
    'process.env.NODE_ENV': JSON.stringify('production'),
    'import.meta.env.TALLY_EMBED_VERSION': JSON.stringify(version),
  },
  // Tally's exact decimal in place of decimal.js: the subset lib/billing/decimal.ts types its
  // Decimal as, with the same results, at a fraction of the size.
  resolve: {
    alias: [
      {
        find: /^decimal\.js$/,
        replacement: fileURLToPath(new URL('../lib/billing/exact-decimal.ts', import.meta.url)),
      },
    ],
  },
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
      formats: ['es'],
      fileName: () => `tally-core.${version}.mjs`,
    },
    rolldownOptions: {
      checks: { bundlerTimings: false },
      // The core may export more than the widget's API (what the chunks loaded on demand import
      // from it): otherwise the modules they share would go to a third chunk loaded at once, and
      // split apart they compress worse (about 1.5 KB gzip). Pages import the API through
      // tally.mjs, which re-exports only that.
      preserveEntrySignatures: 'allow-extension',
      // Vite keeps whitespace in ES library output for downstream bundlers; these files are
      // served to browsers as they are, so minify them fully.
      // ASCII only, as the classic loader is (entry-files.ts): a classic script is decoded with
      // the host page's charset, which may not be UTF-8, and "can’t", "…" or "·" would turn into
      // mojibake; the modules stay ASCII too, whatever reads them.
      output: {
        chunkFileNames: `tally-[name].${version}.mjs`,
        minify: true,
        comments: { legal: false, annotation: false, jsdoc: false },
        charset: 'ascii',
      },
    },
  },
});
