import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  type ApiClient,
  ApiError,
  createApiClient,
  type EventsStatus,
  subscribeEvents,
} from '../../lib/api/index.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { until } from '../support/until.ts';

// The client against the reference server: every answer passes the client's schemas, so the
// server and its clients read docs/api.md the same way.

let server: TestServer;
let milo: ApiClient;
let ada: ApiClient;

beforeAll(async () => {
  server = await startServer();
  const retry = { retries: 2, baseMs: 20, maxMs: 100 };
  milo = createApiClient({ baseUrl: server.url, token: server.demo.milo.token, retry });
  ada = createApiClient({ baseUrl: server.url, token: server.demo.ada.token, retry });
});

afterAll(async () => {
  await server?.stop();
});

test('health, catalog and the Snapshot parse', async () => {
  expect((await milo.health()).status).toBe('ok');
  const catalog = await milo.catalog();
  expect(catalog.operations.map((o) => o.id)).toContain('smart-crop');
  const me = await milo.me();
  expect(me.member).toMatchObject({ name: 'Milo', role: 'member' });
  expect(me.account.admins.map((a) => a.name)).toContain('Ada');
});

test('the server serves the OpenAPI document built from these schemas', async () => {
  const document = await (await fetch(`${server.url}/v1/openapi.json`)).json();
  expect(document.openapi).toBe('3.1.0');
  expect(Object.keys(document.paths)).toContain('/v1/holds/{id}/capture');
  expect(document.components.schemas.UsageRequest.additionalProperties).toBe(false);
});

test('a usage reaches an open event stream of another member, then the ledger', async () => {
  const before = await ada.me();
  const versions: number[] = [];
  const statuses: EventsStatus[] = [];
  const controller = new AbortController();
  subscribeEvents({
    baseUrl: server.url,
    token: server.demo.ada.token,
    onSnapshot: (s) => versions.push(s.version),
    onStatus: (s) => statuses.push(s),
    signal: controller.signal,
  });
  try {
    await until(() => statuses.includes('open'));
    const quote = await milo.quote({ operation: 'smart-crop', quantity: 2 });
    expect(quote.credits).toBe('2.6');
    const { entry, snapshot } = await milo.recordUsage({ operation: 'smart-crop', quantity: 2 });
    expect(entry.credits).toBe('-2.6');
    expect(snapshot.version).toBeGreaterThan(before.version);
    await until(() => versions.includes(snapshot.version));
    const ledger = await milo.ledger({ limit: 1 });
    expect(ledger.entries[0]?.id).toBe(entry.id);
  } finally {
    controller.abort();
  }
});

test('holds, a preview, and the errors of docs/api.md as ApiError', async () => {
  const { hold } = await milo.reserve({ operation: 'lifestyle-crop', quantity: 1 });
  expect(hold.status).toBe('pending');
  const captured = await milo.capture(hold.id);
  expect(captured.hold.status).toBe('captured');
  const again = await milo.release(hold.id).catch((e) => e);
  expect(again).toBeInstanceOf(ApiError);
  expect(again.code).toBe('hold_not_pending');

  const preview = await milo.previewPlanChange({ planId: 'scale' });
  expect(preview).toMatchObject({ from: 'growth', to: 'scale' });
  const forbidden = await milo.changePlan({ planId: 'scale' }).catch((e) => e);
  expect(forbidden).toMatchObject({ status: 403, code: 'forbidden' });
  expect((await milo.charges()).charges.length).toBeGreaterThan(0);
});
