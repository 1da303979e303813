// What each built bundle weighs as a browser downloads it: every file a bundle loads (its
// entry, the chunks it imports, its stylesheets), gzip -9 and brotli. Shared by the size test
// (tests/extension/build.test.ts, tests/embed/build.test.ts) and `npm run bench`. Budgets:
// docs/architecture.md, and docs/embedding.md for the embed's part loaded on demand.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const KIB = 1024;

export interface Bundle {
  name: string;
  /** Absolute paths of every file the bundle loads. */
  files: string[];
  /** gzip bytes it may weigh; undefined where docs/architecture.md only asks to report it. */
  budgetBytes?: number;
}

export interface BundleSize extends Bundle {
  rawBytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

/** A JS file and the chunks it imports, statically or not, transitively. */
function withImports(entry: string, root: string): string[] {
  const files = [entry];
  for (const file of files) {
    if (!file.endsWith('.js') && !file.endsWith('.mjs')) continue;
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+\.m?js)["']/g)) {
      const specifier = match[1] ?? '';
      const path = specifier.startsWith('/')
        ? join(root, specifier)
        : join(dirname(file), specifier);
      if (existsSync(path) && !files.includes(path)) files.push(path);
    }
  }
  return files;
}

/** An extension page: the scripts and stylesheets its HTML names, and their imports. */
function pageFiles(root: string, html: string): string[] {
  const page = readFileSync(join(root, html), 'utf8');
  const files: string[] = [];
  for (const match of page.matchAll(/(?:src|href)="\/?([^"]+\.(?:m?js|css))"/g)) {
    for (const file of withImports(join(root, match[1] ?? ''), root)) {
      if (!files.includes(file)) files.push(file);
    }
  }
  return files;
}

/** The Chrome build of the extension (`.output/chrome-mv3` or a test's own out dir). */
export function extensionBundles(root: string): Bundle[] {
  const scripts = join(root, 'content-scripts');
  const contentFiles = readdirSync(scripts)
    .filter((file) => /\.(m?js|css)$/.test(file))
    .flatMap((file) => withImports(join(scripts, file), root));
  return [
    {
      name: 'content script',
      files: [...new Set(contentFiles)],
      budgetBytes: 24 * KIB,
    },
    { name: 'background', files: withImports(join(root, 'background.js'), root) },
    { name: 'popup', files: pageFiles(root, 'popup.html') },
    { name: 'consent page', files: pageFiles(root, 'consent.html') },
  ];
}

interface EmbedManifest {
  version: string;
  files: { file: string }[];
  modules: { file: string; loads: 'start' | 'on-demand' }[];
}

/** Another language's words: `tally-de-widget.<version>.mjs`, `tally-de-pages.<version>.mjs`. */
const WORDS = /^tally-([a-z]{2})-(?:widget|pages)\./;

/**
 * The embed (`dist/embed` or a test's own out dir), as its manifest.json lists it: what a page
 * loads at once with the classic script or with the module (either one, then the modules that
 * load with it), each chunk it imports on demand (the expanded layout and the dialog; the
 * expanded layout's usage chart), named after its file without the version, and each other
 * language's words, which only a widget in that language fetches (English is in the core).
 */
export function embedBundles(root: string): Bundle[] {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as EmbedManifest;
  const modules = (loads: 'start' | 'on-demand') =>
    manifest.modules
      .filter((module) => module.loads === loads && !WORDS.test(module.file))
      .map(({ file }) => file);
  return [
    ...['tally.js', 'tally.mjs'].map((file) => ({
      name: `embed ${file}`,
      files: [join(root, file), ...modules('start').map((module) => join(root, module))],
      budgetBytes: 32 * KIB,
    })),
    ...modules('on-demand').map((file) => ({
      name: `embed ${file.replace(`.${manifest.version}.mjs`, '')}`,
      files: [join(root, file)],
      budgetBytes: 8 * KIB,
    })),
    // Another language's words: its widget part when the widget mounts, the rest with the
    // chunks above; each is small next to them.
    ...manifest.modules
      .filter(({ file }) => WORDS.test(file))
      .map(({ file }) => ({
        name: `embed ${file.replace(`.${manifest.version}.mjs`, '')}`,
        files: [join(root, file)],
        budgetBytes: 4 * KIB,
      })),
  ];
}

export function sizeOf(bundle: Bundle): BundleSize {
  let rawBytes = 0;
  let gzipBytes = 0;
  let brotliBytes = 0;
  for (const file of bundle.files) {
    const bytes = readFileSync(file);
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
    brotliBytes += brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).length;
  }
  return { ...bundle, rawBytes, gzipBytes, brotliBytes };
}

/** KiB with one decimal: "23.9 KB". */
const kb = (bytes: number) => `${(bytes / KIB).toFixed(1)} KB`;

/** One line per bundle: its sizes, its budget, and its files relative to `from`. */
export function describeSize(size: BundleSize, from: string): string {
  const budget =
    size.budgetBytes === undefined
      ? 'no budget, reported'
      : `budget ${kb(size.budgetBytes)} gzip: ${size.gzipBytes <= size.budgetBytes ? 'within' : `OVER by ${kb(size.gzipBytes - size.budgetBytes)}`}`;
  const files = size.files.map((file) => relative(from, file)).join(', ');
  return `${size.name.padEnd(16)} gzip ${kb(size.gzipBytes).padStart(8)}  brotli ${kb(size.brotliBytes).padStart(8)}  (${budget}; ${files})`;
}
