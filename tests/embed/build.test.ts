// The embed's library build (embed/vite.config.ts), run into a temp folder: the two formats,
// CSS inside the JS (for the shadow root, nothing for the host document), minified, within its
// size budget, and the versioned copies with a manifest whose integrity hashes match the files.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeSize, embedBundles, KIB, sizeOf } from '../support/bundle-sizes.ts';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
let outDir: string;
const read = (file: string) => readFileSync(join(outDir, file), 'utf8');

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
  test('emits a classic script, an ES module, their versioned copies and a manifest; no CSS file', () => {
    expect(readdirSync(outDir).sort()).toEqual(
      [
        'manifest.json',
        'tally.js',
        'tally.mjs',
        `tally.${version}.js`,
        `tally.${version}.mjs`,
      ].sort(),
    );
  });

  test('the classic script exposes window.Tally; the module exports mount and configure', () => {
    expect(read('tally.js')).toMatch(/^var Tally=/);
    expect(read('tally.mjs')).toMatch(/export\s*\{[^}]*\bmount\b/);
    expect(read('tally.mjs')).toMatch(/export\s*\{[^}]*\bconfigure\b/);
    expect(read('tally.js')).toContain(`.version=\`${version}\``);
  });

  test('carries its CSS inside the JS, for its shadow root', () => {
    for (const file of ['tally.js', 'tally.mjs']) {
      expect(read(file)).toContain(':host{');
      expect(read(file)).toContain('.t-embed-compact');
    }
  });

  test('is minified', () => {
    for (const file of ['tally.js', 'tally.mjs']) {
      const lines = read(file).split('\n');
      // Newlines survive only inside template literals; no line is indented.
      expect(read(file).length / lines.length).toBeGreaterThan(1_000);
      expect(lines.filter((line) => /^\s+\S/.test(line)).length).toBe(0);
    }
  });

  test('each format, JS with its CSS, stays within its 32 KB budget (gzip)', () => {
    const sizes = embedBundles(outDir).map(sizeOf);
    expect(sizes.map((size) => size.name)).toEqual(['embed tally.js', 'embed tally.mjs']);
    for (const size of sizes) {
      expect(size.gzipBytes, describeSize(size, outDir)).toBeLessThanOrEqual(32 * KIB);
    }
  });

  test('is ASCII only, so a host page in any charset decodes it right', () => {
    for (const file of ['tally.js', 'tally.mjs']) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is every byte above 0x7f
      expect(read(file)).not.toMatch(/[^\x00-\x7f]/);
    }
  });

  test('versioned copies are the same bytes, and the manifest’s integrity matches them', () => {
    const manifest = JSON.parse(read('manifest.json')) as {
      version: string;
      files: { file: string; versioned: string; integrity: string; bytes: number }[];
    };
    expect(manifest.version).toBe(version);
    expect(manifest.files.map((f) => f.file).sort()).toEqual(['tally.js', 'tally.mjs']);
    for (const entry of manifest.files) {
      const bytes = readFileSync(join(outDir, entry.file));
      expect(readFileSync(join(outDir, entry.versioned)).equals(bytes)).toBe(true);
      const digest = createHash('sha384').update(bytes).digest('base64');
      expect(entry.integrity).toBe(`sha384-${digest}`);
      expect(entry.bytes).toBe(bytes.length);
    }
  });
});
