// `npm run build:ext` for both targets, into a temp folder: the manifests ask for no more than
// Tally needs (storage, alarms, the API origin, the editor pages), the content script
// carries no API client, so it has nothing to send a token with, and it stays within its size
// budget (sizes are deterministic, so a test can hold them).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from 'wxt';
import { describeSize, extensionBundles, KIB, sizeOf } from '../support/bundle-sizes.ts';

let outDir: string;
const read = (target: string, file: string) => readFileSync(join(outDir, target, file), 'utf8');
const manifestOf = (target: string) => JSON.parse(read(target, 'manifest.json'));

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'tally-ext-build-'));
  // What `npm run build:ext` builds: under vitest NODE_ENV is "test", and Vite would compile
  // JSX for development (file names and line numbers in every element).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ outDir, logger: silent() });
    await build({ outDir, browser: 'firefox', manifestVersion: 2, logger: silent() });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}, 120_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

function silent() {
  const quiet = () => {};
  return {
    debug: quiet,
    log: quiet,
    info: quiet,
    warn: quiet,
    error: console.error,
    fatal: console.error,
    success: quiet,
    level: 0,
  };
}

const EDITOR_MATCHES = ['http://127.0.0.1/editor*', 'http://localhost/editor*'];
const API_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

describe('the built extension', () => {
  test('Chrome MV3: storage, alarms and notifications, the API origins, a service worker and the editor pages', () => {
    const manifest = manifestOf('chrome-mv3');
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage', 'alarms', 'notifications']);
    expect(manifest.host_permissions).toEqual(API_HOSTS);
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.background).toEqual({ service_worker: 'background.js' });
    expect(manifest.content_scripts).toHaveLength(1);
    expect(manifest.content_scripts[0].matches).toEqual(EDITOR_MATCHES);
    expect(manifest.action.default_popup).toBe('popup.html');
  });

  test('Firefox MV2: the same permissions, the API origins among them', () => {
    const manifest = manifestOf('firefox-mv2');
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.permissions).toEqual(['storage', 'alarms', 'notifications', ...API_HOSTS]);
    expect(manifest.content_scripts[0].matches).toEqual(EDITOR_MATCHES);
    expect(manifest.browser_action.default_popup).toBe('popup.html');
  });

  test('only the background worker can call the API with a token', () => {
    const scripts = readdirSync(join(outDir, 'chrome-mv3', 'content-scripts'));
    expect(scripts.filter((file) => file.endsWith('.js'))).toEqual(['editor.js']);
    const contentScript = read('chrome-mv3', 'content-scripts/editor.js');
    expect(contentScript).not.toContain('Bearer');
    expect(contentScript).not.toContain('indexedDB');
    // Its billing math is the worker's (worker-math.ts): no decimal library beside the page.
    expect(contentScript).not.toContain('DecimalError');
    expect(read('chrome-mv3', 'background.js')).toContain('Bearer');
  });

  test('the content script, all its JS and CSS, stays within its 24 KB budget (gzip)', () => {
    const root = join(outDir, 'chrome-mv3');
    const content = extensionBundles(root).find((bundle) => bundle.name === 'content script');
    if (!content) throw new Error('no content script bundle');
    const size = sizeOf(content);
    expect(size.files.map((file) => file.slice(root.length + 1))).toEqual([
      'content-scripts/editor.js',
    ]);
    expect(size.gzipBytes, describeSize(size, root)).toBeLessThanOrEqual(24 * KIB);
  });
});
