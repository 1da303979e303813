import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  ApiError,
  createApiClient,
  InvalidResponseError,
  NetworkError,
  overageQuoteOf,
} from '../../lib/api/index.ts';
import { errorBody, overageQuote, snapshot, usageEntry } from './fixtures.ts';
import { json, type Script, startScriptedServer } from './scripted-server.ts';

const fast = { retries: 3, baseMs: 5, maxMs: 20 };
let servers: Awaited<ReturnType<typeof startScriptedServer>>[] = [];

async function serve(answers: Script[]) {
  const server = await startScriptedServer(answers);
  servers.push(server);
  const client = createApiClient({ baseUrl: server.url, token: 'tly_milo', retry: fast });
  return { server, client };
}

afterEach(async () => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/** Resolves once the client has started a wait of `ms` (its Retry-After sleep). */
async function startedWaiting(timers: { mock: { calls: unknown[][] } }, ms: number) {
  while (!timers.mock.calls.some(([, delay]) => delay === ms)) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const usageResult = { entry: usageEntry, snapshot: snapshot(8) };
const unavailable = json(503, errorBody('internal', 'restarting'));

describe('retries', () => {
  test('503 twice then 201: retried under the same Idempotency-Key', async () => {
    const { server, client } = await serve([unavailable, unavailable, json(201, usageResult)]);
    const result = await client.recordUsage({
      operation: 'smart-crop',
      quantity: 1,
      overage: 'accept',
    });
    expect(result.snapshot.version).toBe(8);
    expect(server.seen).toHaveLength(3);
    const keys = server.seen.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
    for (const r of server.seen) {
      expect(r.method).toBe('POST');
      expect(r.url).toBe('/v1/usage');
      expect(r.headers.authorization).toBe('Bearer tly_milo');
      expect(JSON.parse(r.body)).toEqual({
        operation: 'smart-crop',
        quantity: 1,
        overage: 'accept',
      });
    }
  });

  test('two calls get two keys; a caller-given key is sent as is', async () => {
    const { server, client } = await serve([
      json(201, usageResult),
      json(201, usageResult),
      json(201, usageResult),
    ]);
    await client.recordUsage({ operation: 'smart-crop', quantity: 1 });
    await client.recordUsage({ operation: 'smart-crop', quantity: 1 });
    await client.recordUsage({ operation: 'smart-crop', quantity: 1 }, { idempotencyKey: 'op-42' });
    const keys = server.seen.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBe('op-42');
  });

  test('429 waits for Retry-After before trying again', async () => {
    const { server, client } = await serve([
      json(429, errorBody('rate_limited', 'slow down'), { 'Retry-After': '1' }),
      json(200, snapshot()),
    ]);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const me = client.me();
    // The clock stands still until the client has read the 429 and started its wait.
    await startedWaiting(timers, 1_000);
    await vi.advanceTimersByTimeAsync(999);
    expect(server.seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await me).credits.available).toBe('4568.7');
    expect(server.seen).toHaveLength(2);
  });

  test('a Retry-After of minutes is handed back to the caller, not slept through', async () => {
    const { server, client } = await serve([
      json(429, errorBody('rate_limited', 'slow down'), { 'Retry-After': '120' }),
    ]);
    const error = await client.me().catch((e) => e);
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', retryAfterMs: 120_000 });
    expect(server.seen).toHaveLength(1);
  });

  test('409 idempotency_in_flight is retried; 409 hold_not_pending is not', async () => {
    const captured = { hold: { status: 'captured' } };
    const { server, client } = await serve([
      json(409, errorBody('idempotency_in_flight', 'still running')),
      json(409, errorBody('hold_not_pending', 'already captured', { status: 'captured' })),
    ]);
    const error = await client.capture('hold_1', { quantity: 1 }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'hold_not_pending', details: captured.hold });
    expect(server.seen).toHaveLength(2);
    expect(server.seen[1]!.url).toBe('/v1/holds/hold_1/capture');
    expect(server.seen[0]!.headers['idempotency-key']).toBe(
      server.seen[1]!.headers['idempotency-key'],
    );
  });

  test('5xx until the retries run out: the last ApiError', async () => {
    const { server, client } = await serve([unavailable, unavailable, unavailable, unavailable]);
    const error = await client.me().catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, code: 'internal', message: 'restarting' });
    expect(server.seen).toHaveLength(fast.retries + 1);
  });

  test('a token refreshed between attempts is used by the retry', async () => {
    const server = await startScriptedServer([unavailable, json(200, snapshot())]);
    servers.push(server);
    const tokens = ['tly_old', 'tly_new'];
    const client = createApiClient({
      baseUrl: server.url,
      getToken: async () => tokens.shift() ?? 'none',
      retry: fast,
    });
    await client.me();
    expect(server.seen.map((r) => r.headers.authorization)).toEqual([
      'Bearer tly_old',
      'Bearer tly_new',
    ]);
  });
});

describe('errors', () => {
  test('402 overage_required: an ApiError with the quote, not retried', async () => {
    const { server, client } = await serve([
      json(402, errorBody('overage_required', 'Needs $0.08 overage', { quote: overageQuote })),
    ]);
    const error = await client
      .recordUsage({ operation: 'smart-crop', quantity: 1 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(402);
    expect(error.code).toBe('overage_required');
    expect(error.isOverage).toBe(true);
    expect(error.isOverageRequired).toBe(true);
    expect(error.isOverageBlocked).toBe(false);
    expect(overageQuoteOf(error)).toEqual(overageQuote);
    expect(error.details.quote).toEqual(overageQuote);
    expect(server.seen).toHaveLength(1);
  });

  test.each([
    [400, 'invalid_request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [422, 'idempotency_conflict'],
  ])('%i %s is not retried', async (status, code) => {
    const { server, client } = await serve([json(status, errorBody(code, 'no')), json(200, {})]);
    const error = await client.changePlan({ planId: 'scale' }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status, code });
    expect(server.seen).toHaveLength(1);
  });

  test('malformed JSON on success: InvalidResponseError', async () => {
    const { client } = await serve([json(200, '{"version": 7,')]);
    const error = await client.me().catch((e) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.status).toBe(200);
  });

  test('a Snapshot with credits as a number: InvalidResponseError with the issue', async () => {
    const bad = snapshot();
    (bad.credits as Record<string, unknown>).available = 4568.7;
    const { client } = await serve([json(200, bad)]);
    const error = await client.me().catch((e) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.issues[0].path).toEqual(['credits', 'available']);
  });

  test('a 502 page from a proxy (not JSON) is retried, then an ApiError "internal"', async () => {
    const proxy: Script = (_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<h1>Bad Gateway</h1>');
    };
    const { server, client } = await serve([proxy, proxy, proxy, proxy]);
    const error = await client.catalog().catch((e) => e);
    expect(error).toMatchObject({ status: 502, code: 'internal' });
    expect(server.seen).toHaveLength(4);
  });

  test('an error code docs/api.md does not list (a newer server) reads as its status’s code', async () => {
    const { client } = await serve([json(403, errorBody('account_frozen', 'Frozen'))]);
    const error = await client.me().catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, code: 'forbidden', message: 'HTTP 403' });
  });

  test('connection refused: NetworkError after the retries', async () => {
    const { server, client } = await serve([]);
    await server.close();
    servers = [];
    const started = Date.now();
    const error = await client.me().catch((e) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  test('an abort during the backoff rejects at once with the abort reason', async () => {
    const { client } = await serve([
      json(429, errorBody('rate_limited', 'wait'), { 'Retry-After': '30' }),
    ]);
    const controller = new AbortController();
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const started = Date.now();
    const answer = client.me({ signal: controller.signal }).catch((e) => e);
    await startedWaiting(timers, 30_000);
    controller.abort();
    const error = await answer;
    expect(error.name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('requests', () => {
  test('health needs no token; quotes and previews need no key; the policy is a PUT', async () => {
    const { server, client } = await serve([
      json(200, { status: 'ok', version: '0.1.0' }),
      json(200, overageQuote),
      json(200, snapshot()),
    ]);
    await client.health();
    await client.quote({ operation: 'smart-crop', quantity: 1 });
    await client.setOveragePolicy({ policy: 'auto', capUsd: '50' });
    const [health, quote, policy] = server.seen;
    expect(health!.headers.authorization).toBeUndefined();
    expect(quote!.headers['idempotency-key']).toBeUndefined();
    expect(policy!.method).toBe('PUT');
    expect(policy!.url).toBe('/v1/overage-policy');
    expect(policy!.headers['idempotency-key']).toBeUndefined();
    expect(JSON.parse(policy!.body)).toEqual({ policy: 'auto', capUsd: '50' });
  });

  test('ledger pages pass limit and before; a base URL with a path prefix is kept', async () => {
    const server = await startScriptedServer([
      json(200, { entries: [usageEntry], next: 'ent_11' }),
    ]);
    servers.push(server);
    const client = createApiClient({ baseUrl: `${server.url}/billing/`, token: 't', retry: fast });
    const page = await client.ledger({ limit: 1, before: 'ent_13' });
    expect(page).toEqual({ entries: [usageEntry], next: 'ent_11' });
    expect(server.seen[0]!.url).toBe('/billing/v1/ledger?limit=1&before=ent_13');
  });

  test('hold ids are escaped in the path', async () => {
    const { server, client } = await serve([json(409, errorBody('hold_not_pending', 'no'))]);
    await client.release('a/b?c').catch(() => {});
    expect(server.seen[0]!.url).toBe('/v1/holds/a%2Fb%3Fc/release');
    expect(server.seen[0]!.body).toBe('{}');
  });
});
