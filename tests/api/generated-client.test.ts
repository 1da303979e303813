// What docs/generated-client.md tells an integrator to do, done against a running server: the
// document it serves goes through openapi-typescript, the page's own client module and example
// type-check strictly against the types, and calls through openapi-fetch answer as they say.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';

const root = resolve(import.meta.dirname, '../..');
const page = readFileSync(join(root, 'docs/generated-client.md'), 'utf8');
const [clientModule, example] = [...page.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

// The test's calls: one file, type-checked with the page's code, then run.
const calls = `
import type { operations } from './tally-api';
import { recordUsage, tallyClient, type Quote, type Snapshot } from './tally-client';

// The operationIds are the names a wrapper would give its methods.
type MeAnswer = operations['getMe']['responses'][200]['content']['application/json'];
const same: MeAnswer extends Snapshot ? true : false = true;

export async function run(baseUrl: string, token: string) {
  const tally = tallyClient(baseUrl, token);
  const me = await tally.GET('/v1/me');
  if (!me.data) throw new Error('getMe failed');
  const quote = await tally.POST('/v1/quotes', { body: { operation: 'smart-crop', quantity: 2 } });
  const quoted: Quote | undefined = quote.data;
  const used = await recordUsage(tally, 'smart-crop', 2, crypto.randomUUID());
  const page = await tally.GET('/v1/ledger', { params: { query: { limit: 1 } } });
  const refused = await tally.POST('/v1/quotes', {
    body: {
      operation: 'smart-crop',
      // @ts-expect-error: a quantity is a number; the types say so as the server does.
      quantity: '1',
    },
  });
  // @ts-expect-error: the operation is required.
  const missing = () => tally.POST('/v1/quotes', { body: { quantity: 1 } });
  return {
    same,
    missing: typeof missing,
    available: me.data.credits.available,
    quote: quoted,
    used,
    newest: page.data?.entries[0]?.id,
    refused: { status: refused.response.status, code: refused.error?.error.code },
  };
}
`;

let server: TestServer;
let dir: string;

beforeAll(async () => {
  server = await startServer();
  dir = mkdtempSync(join(tmpdir(), 'tally-generated-client-'));
  // The page's `npm install`: the packages this repository already has.
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
});

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a client generated from the served document type-checks strictly and calls the API', async () => {
  expect(clientModule).toContain('createClient<paths>');
  expect(example).toContain("tally.GET('/v1/me')");
  const document = await (await fetch(`${server.url}/v1/openapi.json`)).json();
  writeFileSync(join(dir, 'tally-api.d.ts'), astToString(await openapiTS(document)));
  writeFileSync(join(dir, 'tally-client.ts'), clientModule ?? '');
  // The example is checked as a module of its own (top-level await), as a reader would paste it.
  writeFileSync(
    join(dir, 'example.ts'),
    `import { recordUsage, tallyClient } from './tally-client';\n${example}export {};\n`,
  );
  writeFileSync(join(dir, 'calls.ts'), calls);

  // The browser's globals (fetch, crypto), as a client in a page or a worker sees them; no
  // ambient @types from node_modules.
  const compilerOptions = { target: 'es2022', module: 'esnext', moduleResolution: 'bundler' };
  const files = ['tally-client.ts', 'example.ts', 'calls.ts'];
  const tsconfig = {
    compilerOptions: { ...compilerOptions, lib: ['es2022', 'dom'], types: [] },
    files,
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  const tsc = spawnSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--strict', '--noEmit'],
    { cwd: dir, encoding: 'utf8' },
  );
  expect(tsc.stdout + tsc.stderr).toBe('');
  expect(tsc.status).toBe(0);

  const { run } = (await import(join(dir, 'calls.ts'))) as {
    run(baseUrl: string, token: string): Promise<Record<string, unknown>>;
  };
  const result = await run(server.url, server.demo.milo.token);
  expect(result.available).toBe('4570');
  expect(result.quote).toMatchObject({
    operation: 'smart-crop',
    credits: '2.6',
    outcome: 'covered',
  });
  expect(result.used).toMatchObject({
    entry: { kind: 'usage', credits: '-2.6' },
    snapshot: { credits: { available: '4567.4' } },
  });
  expect(result.newest).toBe((result.used as { entry: { id: string } }).entry.id);
  expect(result.refused).toEqual({ status: 400, code: 'invalid_request' });
}, 60_000);
