// GET /embed/*: the embed's build served with the right types, caching and CORS.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { embedFileRoutes } from '../../server/editor/embed-files.ts';

let dir: string;
let files: ReturnType<typeof embedFileRoutes>;
const get = (path: string, headers: Record<string, string> = {}) =>
  files.request(`http://editor.test${path}`, { headers });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tally-embed-'));
  writeFileSync(join(dir, 'tally.js'), 'window.Tally = {};');
  writeFileSync(join(dir, 'tally.mjs'), 'export const Tally = {};');
  writeFileSync(join(dir, 'tally.0.1.0.js'), 'window.Tally = { pinned: true };');
  writeFileSync(join(dir, 'tally-core.0.1.0.mjs'), 'export const mount = () => {};');
  writeFileSync(join(dir, 'manifest.json'), '{"version":"0.1.0"}');
  mkdirSync(join(dir, 'secret'));
  writeFileSync(join(dir, 'notes.txt'), 'not for serving');
  files = embedFileRoutes(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('tally.js and tally.mjs are JavaScript, revalidated on every load, loadable from any origin', async () => {
  for (const name of ['tally.js', 'tally.mjs']) {
    const response = await get(`/embed/${name}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('etag')).toMatch(/^".+"$/);
  }
  expect(await (await get('/embed/tally.js')).text()).toBe('window.Tally = {};');
});

test('an unchanged tally.js answers 304 to its ETag', async () => {
  const etag = (await get('/embed/tally.js')).headers.get('etag')!;
  const again = await get('/embed/tally.js', { 'if-none-match': etag });

  expect(again.status).toBe(304);
  expect(await again.text()).toBe('');
});

test('a versioned copy and a versioned module are cached for a year, immutable', async () => {
  for (const name of ['tally.0.1.0.js', 'tally-core.0.1.0.mjs']) {
    const response = await get(`/embed/${name}`);

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  }
});

test('the manifest is JSON', async () => {
  const response = await get('/embed/manifest.json');

  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(await response.json()).toEqual({ version: '0.1.0' });
});

test('a file not built, another type, or a path out of the folder is 404', async () => {
  expect((await get('/embed/tally.2.0.0.js')).status).toBe(404);
  expect((await get('/embed/notes.txt')).status).toBe(404);
  expect((await get('/embed/..%2Fpackage.json')).status).toBe(404);
  expect((await get('/embed/%2E%2E/%2E%2E/package.json')).status).toBe(404);
  expect((await get('/embed/secret/')).status).toBe(404);
});

test('nothing is served when the embed was never built', async () => {
  const empty = embedFileRoutes(join(dir, 'missing'));
  const response = await empty.request('http://editor.test/embed/tally.js');

  expect(response.status).toBe(404);
  expect(await response.text()).toContain('npm run build:embed');
});
