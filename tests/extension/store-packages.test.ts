// `npm run package`'s store zips, built by WXT's zip into a temp folder (the e2e tests load
// .output at the same time): the Chrome and Firefox zips and the sources zip for
// addons.mozilla.org, named with package.json's version, with no build warning, and a Firefox
// zip that web-ext lint (the linter addons.mozilla.org runs) passes.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import webExt from 'web-ext';
import type { Logger } from 'wxt';
import { zip } from 'wxt';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const warnings: string[] = [];
let outDir: string;

// WXT reports through its logger what a store would object to (no gecko id, no data
// collection declared); a warning or error is kept, the progress lines are not.
const logger: Logger = {
  level: 3,
  debug() {},
  log() {},
  info() {},
  success() {},
  warn: (...args: unknown[]) => warnings.push(args.join(' ')),
  error: (...args: unknown[]) => warnings.push(args.join(' ')),
  fatal: (...args: unknown[]) => warnings.push(args.join(' ')),
};

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'tally-store-packages-'));
  // Under vitest NODE_ENV is "test"; the stores get what `npm run package` builds.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await zip({ outDir, logger, browser: 'chrome' });
    await zip({ outDir, logger, browser: 'firefox', manifestVersion: 2 });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}, 120_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

const firefoxManifest = () =>
  JSON.parse(readFileSync(join(outDir, 'firefox-mv2/manifest.json'), 'utf8'));

test('leaves the Chrome zip, the Firefox zip and the sources zip, named with the version', () => {
  for (const name of ['chrome', 'firefox', 'sources']) {
    expect(existsSync(join(outDir, `tally-${version}-${name}.zip`)), name).toBe(true);
  }
});

test('builds without a warning', () => {
  expect(warnings).toEqual([]);
});

test('the Firefox manifest has a gecko id and declares the data it sends, as docs/privacy.md does', () => {
  const gecko = firefoxManifest().browser_specific_settings.gecko;
  expect(gecko.id).toMatch(/^[\w.-]+@[\w.-]+$/);
  const declared: string[] = gecko.data_collection_permissions.required;
  expect(declared.length).toBeGreaterThan(0);
  const privacy = readFileSync('docs/privacy.md', 'utf8');
  for (const category of declared) expect(privacy).toContain(`\`${category}\``);
});

test('web-ext lint passes the Firefox zip: no errors, no notices', async () => {
  const result = await webExt.cmd.lint(
    { sourceDir: join(outDir, `tally-${version}-firefox.zip`), output: 'none', boring: true },
    { shouldExitProgram: false },
  );
  expect(result.errors).toEqual([]);
  expect(result.notices).toEqual([]);
  // Left: Preact's renderer sets innerHTML for dangerouslySetInnerHTML, which Tally never uses
  // (Biome's noDangerouslySetInnerHtml rule); the linter flags the line, not a use.
  for (const warning of result.warnings) expect(warning.code).toBe('UNSAFE_VAR_ASSIGNMENT');
}, 60_000);
