// The embed's library build (embed/vite.config.ts), run into a temp folder: the widget's modules
// named with the version, the two small files a page names (the classic loader and the module
// that re-exports the core), CSS inside the JS (for the shadow root, nothing for the host
// document), minified, within its size budgets, and the versioned copies with a manifest whose
// integrity hashes match the files.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeSize, embedBundles, KIB, sizeOf } from '../support/bundle-sizes.ts';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const CORE = `tally-core.${version}.mjs`;
const ON_DEMAND = `tally-on-demand-chunk.${version}.mjs`;
const USAGE_CHART = `tally-usage-chart-chunk.${version}.mjs`;
let outDir: string;
const read = (file: string) => readFileSync(join(outDir, file), 'utf8');

interface Manifest {
  version: string;
  files: { file: string; versioned: string; format: string; integrity: string; bytes: number }[];
  modules: { file: string; loads: string; integrity: string; bytes: number }[];
}

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'tally-embed-build-'));
  // What `npm run build:embed` builds: under vitest NODE_ENV is "test", and Vite would compile
  // JSX for development (file names and line numbers in every element).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: 'embed/vite.config.ts', logLevel: 'silent', build: { outDir } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}, 60_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

describe('npm run build:embed', () => {
  test('emits the loader, the module, their versioned copies, the versioned modules, each other language’s words and a manifest; no CSS file', () => {
    expect(readdirSync(outDir).sort()).toEqual(
      [
        'manifest.json',
        'tally.js',
        'tally.mjs',
        `tally.${version}.js`,
        `tally.${version}.mjs`,
        CORE,
        ON_DEMAND,
        ...['de', 'fr'].flatMap((language) =>
          ['pages', 'widget'].map((part) => `tally-${language}-${part}.${version}.mjs`),
        ),
        USAGE_CHART,
      ].sort(),
    );
  });

  test('the classic script defines window.Tally and imports the core from beside itself', () => {
    expect(read('tally.js')).toMatch(/^"use strict";\(\(\)=>\{/);
    expect(read('tally.js')).toContain('globalThis.Tally=');
    expect(read('tally.js')).toContain(`"./${CORE}",`);
    expect(read('tally.js')).toContain(`version:"${version}"`);
  });

  test('the module re-exports exactly the widget’s API from the core', () => {
    const names = /^export\{([^}]*)\}from"\.\/([^"]+)";\n$/.exec(read('tally.mjs'));
    expect(names?.[1]?.split(',').sort()).toEqual(
      ['TallyCreditsElement', 'configure', 'mount', 'preflight', 'usageRecorded', 'version'].sort(),
    );
    expect(names?.[2]).toBe(CORE);
  });

  test('the core imports the on-demand chunk only dynamically, and the chunk imports the core', () => {
    expect(read(CORE)).not.toMatch(/^import/);
    expect(read(CORE)).toContain(`import(\`./${ON_DEMAND}\`)`);
    expect(read(ON_DEMAND)).toMatch(new RegExp(`^import\\{[^}]+\\}from"\\./${CORE}";`));
  });

  test('the usage chart comes only from the on-demand chunk (with the expanded layout), never with the core', () => {
    expect(read(CORE)).not.toContain(USAGE_CHART);
    expect(read(ON_DEMAND)).toContain(`import(\`./${USAGE_CHART}\`)`);
  });

  test('carries its CSS inside the JS, for its shadow root: the chip’s at once, the rest on demand', () => {
    expect(read(CORE)).toContain(':host{');
    expect(read(CORE)).toContain('.t-embed-compact');
    expect(read(ON_DEMAND)).toContain('.t-plan__name');
    expect(read(ON_DEMAND)).toContain('.t-dialog');
    expect(read(USAGE_CHART)).toContain('.t-usage{');
    expect(read(CORE)).not.toContain('.t-usage');
  });

  test('is minified', () => {
    for (const file of [CORE, ON_DEMAND, USAGE_CHART, 'tally.js']) {
      const lines = read(file).split('\n');
      // Newlines survive only inside template literals; no line is indented.
      expect(read(file).length / lines.length).toBeGreaterThan(500);
      expect(lines.filter((line) => /^\s+\S/.test(line)).length).toBe(0);
    }
  });

  test('what loads at once stays within 32 KB gzip with either file, each chunk loaded on demand within 8 KB, each module of another language’s words within 4 KB', () => {
    const sizes = embedBundles(outDir).map(sizeOf);
    expect(sizes.map((size) => [size.name, size.budgetBytes])).toEqual([
      ['embed tally.js', 32 * KIB],
      ['embed tally.mjs', 32 * KIB],
      ['embed tally-on-demand-chunk', 8 * KIB],
      ['embed tally-usage-chart-chunk', 8 * KIB],
      ...['de', 'fr'].flatMap((language) =>
        ['pages', 'widget'].map((part) => [`embed tally-${language}-${part}`, 4 * KIB]),
      ),
    ]);
    expect(sizes[0]?.files).toEqual([join(outDir, 'tally.js'), join(outDir, CORE)]);
    expect(sizes[2]?.files).toEqual([join(outDir, ON_DEMAND)]);
    expect(sizes[3]?.files).toEqual([join(outDir, USAGE_CHART)]);
    for (const size of sizes) {
      expect(size.gzipBytes, describeSize(size, outDir)).toBeLessThanOrEqual(size.budgetBytes ?? 0);
    }
  });

  test('is ASCII only, so a host page in any charset decodes it right', () => {
    for (const file of readdirSync(outDir)) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is every byte above 0x7f
      expect(read(file), file).not.toMatch(/[^\x00-\x7f]/);
    }
  });

  test('versioned copies are the same bytes, and the manifest’s integrity matches every file', () => {
    const manifest = JSON.parse(read('manifest.json')) as Manifest;
    expect(manifest.version).toBe(version);
    expect(manifest.files.map((f) => [f.file, f.versioned, f.format])).toEqual([
      ['tally.js', `tally.${version}.js`, 'classic'],
      ['tally.mjs', `tally.${version}.mjs`, 'module'],
    ]);
    expect(manifest.modules.map((m) => [m.file, m.loads])).toEqual([
      [CORE, 'start'],
      ...['de', 'fr'].flatMap((language) =>
        ['pages', 'widget'].map((part) => [
          `tally-${language}-${part}.${version}.mjs`,
          'on-demand',
        ]),
      ),
      [ON_DEMAND, 'on-demand'],
      [USAGE_CHART, 'on-demand'],
    ]);
    for (const entry of [...manifest.files, ...manifest.modules]) {
      const bytes = readFileSync(join(outDir, entry.file));
      if ('versioned' in entry) {
        expect(readFileSync(join(outDir, entry.versioned)).equals(bytes)).toBe(true);
      }
      const digest = createHash('sha384').update(bytes).digest('base64');
      expect(entry.integrity, entry.file).toBe(`sha384-${digest}`);
      expect(entry.bytes).toBe(bytes.length);
    }
  });
});
