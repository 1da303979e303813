// The server as a whole: start-up and seeding, settings, CORS, limits, the dev clock, OpenAPI,
// and a clean shutdown with a stream open.
import { describe, expect, test } from 'vitest';
import { createAccount, startServer } from '../support/server.ts';
import { until } from '../support/until.ts';
import { client, clock } from './http.ts';
import { serverPerFile } from './server-per-file.ts';

const server = serverPerFile({
  devClock: true,
  env: { TALLY_CORS_ORIGINS: 'https://editor.example, https://other.example' },
});

describe('first start', () => {
  test('seeds Studio North on Growth with admin Ada and member Milo, and prints their tokens', async () => {
    const milo = await client(server(), server().demo.milo.token).get('/v1/me');
    expect(milo.status).toBe(200);
    expect(milo.body).toMatchObject({
      account: { name: 'Studio North', admins: [{ name: 'Ada' }] },
      member: { name: 'Milo', role: 'member' },
      plan: { id: 'growth' },
      credits: { available: '4570' },
    });
    const out = server().output();
    expect(out).toContain(server().demo.ada.token);
    expect(out).toContain(server().demo.milo.token);
    expect(out).toContain(server().operatorKey);
    expect(out).toContain(`${server().url}/editor`);
  });

  test('health needs no token; everything else does', async () => {
    const health = await fetch(`${server().url}/v1/health`);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const me = await fetch(`${server().url}/v1/me`);
    expect(me.status).toBe(401);
    expect((await me.json()).error.code).toBe('unauthorized');
    const wrong = await client(server(), 'tly_not-a-token').get('/v1/me');
    expect(wrong.status).toBe(401);
    const catalog = await client(server(), server().demo.milo.token).get('/v1/catalog');
    expect(catalog.body.plans.map((p: { id: string }) => p.id)).toEqual([
      'free',
      'starter',
      'growth',
      'scale',
    ]);
    expect(catalog.body.operations).toHaveLength(3);
  });

  test('serves the OpenAPI document built from the lib/api schemas', async () => {
    const doc = await (await fetch(`${server().url}/v1/openapi.json`)).json();
    expect(doc.openapi).toMatch(/^3\./);
    const health = await (await fetch(`${server().url}/v1/health`)).json();
    expect(doc.info.version).toBe(health.version);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/usage', '/v1/me']));
  });
});

describe('limits', () => {
  test('a body over 64 KiB is 413 payload_too_large', async () => {
    const answer = await client(server(), server().demo.milo.token).post('/v1/usage', {
      operation: 'smart-crop',
      quantity: 1,
      pad: 'x'.repeat(70_000),
    });
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('payload_too_large');
  });

  test('unknown fields are 400 invalid_request with the issues', async () => {
    const answer = await client(server(), server().demo.milo.token).post('/v1/usage', {
      operation: 'smart-crop',
      quantity: 1,
      color: 'red',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_request');
    expect(answer.body.error.details.issues.length).toBeGreaterThan(0);
  });

  test('validation errors say in words which field is wrong and why', async () => {
    const milo = client(server(), server().demo.milo.token);
    const cases: [unknown, RegExp][] = [
      [0, /quantity must be at least 1\b/],
      [10_001, /quantity must be at most 10,000/],
      [1.5, /quantity must be a whole number/],
      ['1', /quantity must be a number/],
    ];
    for (const [quantity, words] of cases) {
      const answer = await milo.post('/v1/quotes', { operation: 'smart-crop', quantity }, null);
      expect(answer.status).toBe(400);
      expect(answer.body.error.details.issues[0].path).toBe('quantity');
      expect(answer.body.error.details.issues[0].message).toMatch(words);
      // The top-level message alone tells a person what to fix.
      expect(answer.body.error.message).toMatch(words);
    }
    const unknown = await milo.post(
      '/v1/quotes',
      { operation: 'smart-crop', quantity: 1, color: 'red' },
      null,
    );
    expect(unknown.body.error.message).toMatch(/"color"/);
    const missing = await milo.post('/v1/quotes', { quantity: 1 }, null);
    expect(missing.body.error.message).toMatch(/operation is required/);
    const policy = await client(server(), server().demo.ada.token).put('/v1/overage-policy', {
      policy: 'never',
      capUsd: null,
    });
    expect(policy.body.error.message).toMatch(/policy must be one of "ask", "auto"/);
    const limit = await milo.get('/v1/ledger?limit=abc');
    expect(limit.body.error.message).toMatch(/limit must be a number/);
  });

  test('an unknown operation is 400, not 500', async () => {
    const answer = await client(server(), server().demo.milo.token).post('/v1/usage', {
      operation: 'teleport',
      quantity: 1,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_request');
    // docs/api.md: invalid_request carries details.issues, whichever layer found the problem.
    expect(answer.body.error.details.issues).toMatchObject([
      { path: 'operation', code: 'unknown_operation' },
    ]);
    expect(answer.body.error.details.issues[0].message).toMatch(/teleport/);
    const ada = client(server(), server().demo.ada.token);
    for (const path of ['/v1/plan-changes/preview', '/v1/plan-changes']) {
      const plan = await ada.post(path, { planId: 'gold' });
      expect(plan.status).toBe(400);
      expect(plan.body.error.details.issues).toMatchObject([
        { path: 'planId', code: 'unknown_plan' },
      ]);
    }
  });
});

describe('history', () => {
  test('ledger and charges page newest first through `next` cursors', async () => {
    const api = client(server(), server().demo.ada.token);
    for (let i = 1; i <= 5; i++) {
      expect((await api.post('/v1/usage', { operation: 'smart-crop', quantity: i })).status).toBe(
        201,
      );
    }
    const whole = await api.get('/v1/ledger?limit=200');
    const ids: string[] = [];
    let before: string | null = null;
    do {
      const page = await api.get(`/v1/ledger?limit=2${before ? `&before=${before}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.entries.length).toBeLessThanOrEqual(2);
      ids.push(...page.body.entries.map((e: { id: string }) => e.id));
      before = page.body.next;
    } while (before);
    expect(ids).toEqual(whole.body.entries.map((e: { id: string }) => e.id));
    expect(whole.body.entries[0]).toMatchObject({ kind: 'usage', quantity: 5 });
    const charges = await api.get('/v1/charges?limit=1');
    expect(charges.body.charges).toHaveLength(1);
    expect(charges.body.next).toBeNull();
    const bad = await api.get('/v1/ledger?limit=0');
    expect(bad.status).toBe(400);
  });
});

describe('CORS', () => {
  test('only the listed origins get CORS headers', async () => {
    const preflight = (origin: string) =>
      fetch(`${server().url}/v1/me`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
    const allowed = await preflight('https://editor.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://editor.example');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'idempotency-key',
    );
    const simple = await fetch(`${server().url}/v1/health`, {
      headers: { origin: 'https://other.example' },
    });
    expect(simple.headers.get('access-control-allow-origin')).toBe('https://other.example');
    expect(simple.headers.get('access-control-expose-headers')).toContain('Retry-After');
    const denied = await preflight('https://evil.example');
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('dev clock', () => {
  test('sets and advances with ISO durations, stands still, never moves backwards', async () => {
    const set = await clock(server(), { now: '2030-01-31T12:00:00.000Z' });
    expect(set.body.now).toBe('2030-01-31T12:00:00.000Z');
    expect((await clock(server(), { advance: 'P1M' })).body.now).toBe('2030-02-28T12:00:00.000Z');
    expect((await clock(server(), { advance: 'P3D' })).body.now).toBe('2030-03-03T12:00:00.000Z');
    expect((await clock(server(), { advance: 'PT2H' })).body.now).toBe('2030-03-03T14:00:00.000Z');
    // Stands still: real time moves on, the server's clock does not.
    const realNow = Date.now();
    await until(() => Date.now() > realNow);
    const me = await client(server(), server().demo.ada.token).get('/v1/me');
    expect(me.body.asOf).toBe('2030-03-03T14:00:00.000Z');
    const back = await clock(server(), { now: '2030-01-01T00:00:00.000Z' });
    expect(back.status).toBe(400);
    expect(back.body.error.code).toBe('invalid_request');
  });
});

describe('dev clock from a browser', () => {
  test('a page of another origin cannot move it (a form or text/plain post needs no CORS)', async () => {
    const now = async () =>
      ((await (await fetch(`${server().url}/v1/dev/clock`)).json()) as { now: string }).now;
    const before = await now();
    const forged = await fetch(`${server().url}/v1/dev/clock`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
      body: JSON.stringify({ advance: 'P1M' }),
    });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect(await now()).toBe(before);

    // A page the vendor listed in TALLY_CORS_ORIGINS, and tools without an Origin, still may.
    const listed = await fetch(`${server().url}/v1/dev/clock`, {
      method: 'POST',
      headers: { origin: 'https://editor.example', 'content-type': 'application/json' },
      body: JSON.stringify({ advance: 'PT1H' }),
    });
    expect(listed.status).toBe(200);
    expect(await now()).not.toBe(before);
  });
});

describe('operator', () => {
  test('a member token is shown once: a replay of the same request does not show it again', async () => {
    const { account } = await createAccount(server(), { planId: 'starter', members: [] });
    const operator = client(server(), server().operatorKey);
    const first = await operator.post(
      `/v1/accounts/${account.id}/members`,
      { name: 'Ann', role: 'admin' },
      'm1',
    );
    expect(first.status).toBe(201);
    expect(first.body.token).toMatch(/^tly_/);
    const replay = await operator.post(
      `/v1/accounts/${account.id}/members`,
      { name: 'Ann', role: 'admin' },
      'm1',
    );
    expect(replay.status).toBe(201);
    expect(replay.body.member.id).toBe(first.body.member.id);
    expect(replay.body.token).toBeNull();
  });
});

describe('settings', () => {
  test('the dev clock exists only with TALLY_DEV_CLOCK=1, and the rate limit answers 429 with Retry-After', async () => {
    const plain = await startServer({ env: { TALLY_RATE_BURST: '5', TALLY_RATE_PER_SECOND: '1' } });
    try {
      expect((await clock(plain, { advance: 'P1D' })).status).toBe(404);
      const api = client(plain, plain.demo.ada.token);
      const statuses = [];
      for (let i = 0; i < 8; i++) statuses.push((await api.get('/v1/me')).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      const limited = await api.get('/v1/me');
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('rate_limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      // Another token has its own bucket.
      expect((await client(plain, plain.demo.milo.token).get('/v1/me')).status).toBe(200);
    } finally {
      await plain.stop();
    }
  }, 90_000);

  test('SIGTERM closes open streams and the database, and the process exits 0', async () => {
    const own = await startServer();
    const controller = new AbortController();
    const stream = await fetch(`${own.url}/v1/events`, {
      headers: { authorization: `Bearer ${own.demo.ada.token}` },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    const exited = new Promise<number | null>((r) => own.process.once('exit', (code) => r(code)));
    own.process.kill('SIGTERM');
    expect(await exited).toBe(0);
    controller.abort();
    // A restart on the same file finds the same demo account (no second seeding).
    await own.restart();
    const me = await client(own, own.demo.ada.token).get('/v1/me');
    expect(me.status).toBe(200);
    await own.stop();
  }, 90_000);
});
