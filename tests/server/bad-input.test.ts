// Random and malformed bodies, headers and tokens sent to every route, the demo editor's and the
// widget files' included: never a 5xx, docs/api.md's error shape from the API, and the account under
// test unchanged.
import fc from 'fast-check';
import { beforeAll, expect, test } from 'vitest';
import { errorStatus } from '../../lib/api/schemas/errors.ts';
import { createAccount } from '../support/server.ts';
import { client } from './http.ts';
import { serverPerFile } from './server-per-file.ts';

const server = serverPerFile({ devClock: true });
let memberToken: string;
let accountId: string;

beforeAll(async () => {
  // A free account with 0.3 credits left and a plain member: whatever arrives, nothing may change
  // (usage and holds are blocked, admin routes are forbidden, quotes change nothing).
  const { account, members } = await createAccount(server(), {
    planId: 'free',
    members: [
      { name: 'Ada', role: 'admin' },
      { name: 'Milo', role: 'member' },
    ],
  });
  accountId = account.id;
  memberToken = members[1]!.token;
  const used = await client(server(), members[0]!.token).post('/v1/usage', {
    operation: 'smart-crop',
    quantity: 19,
  });
  expect(used.body.snapshot.credits.available).toBe('0.3');
});

const headerText = fc.string({ maxLength: 300 }).filter((s) => /^[\x21-\x7e]*$/.test(s));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const routes = fc.constantFrom(
  ['GET', '/v1/me'],
  ['GET', '/v1/catalog'],
  ['GET', '/v1/ledger'],
  ['GET', '/v1/charges'],
  ['GET', '/v1/health'],
  ['POST', '/v1/quotes'],
  ['POST', '/v1/usage'],
  ['POST', '/v1/holds'],
  ['POST', '/v1/holds/{id}/capture'],
  ['POST', '/v1/holds/{id}/release'],
  ['POST', '/v1/plan-changes/preview'],
  ['POST', '/v1/plan-changes'],
  ['PUT', '/v1/overage-policy'],
  ['POST', '/v1/accounts'],
  ['POST', '/v1/accounts/{id}/members'],
  ['GET', '/v1/dev/clock'],
  ['POST', '/v1/webhook-endpoints'],
  ['GET', '/v1/webhook-endpoints'],
  ['DELETE', '/v1/webhook-endpoints/{id}'],
  ['GET', '/v1/webhook-endpoints/{id}/deliveries'],
  ['POST', '/v1/webhook-endpoints/{id}/deliveries/evt_x/retry'],
  ['GET', '/v1/openapi.json'],
  ['GET', '/v1/events'],
  ['OPTIONS', '/v1/usage'],
  ['DELETE', '/v1/usage'],
  ['GET', '/'],
  ['GET', '/editor'],
  ['GET', '/editor/'],
  ['GET', '/editor/index.html'],
  ['GET', '/editor/editor.css'],
  ['GET', '/editor/editor.js'],
  ['GET', '/editor/api/account'],
  ['GET', '/editor/api/session'],
  ['POST', '/editor/api/operations'],
  ['GET', '/editor/webhooks'],
  ['GET', '/editor/webhooks.js'],
  ['POST', '/editor/webhooks/inbox'],
  ['GET', '/editor/api/webhooks'],
  ['POST', '/editor/api/webhooks/connect'],
  ['GET', '/embed/{id}'],
  ['GET', '/embed/%E0%A4%A.js'],
  ['GET', '/embed/{raw}.js'],
);

/** Near-valid bodies (right keys, wrong values) as well as arbitrary JSON and broken text. */
const nearValid = fc.record(
  {
    operation: fc.oneof(fc.constantFrom('smart-crop', 'lifestyle-crop', 'nope'), fc.string()),
    quantity: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)),
    overage: fc.oneof(fc.constantFrom('deny', 'accept'), fc.string()),
    planId: fc.oneof(fc.constantFrom('free', 'starter', 'growth', 'scale'), fc.string()),
    policy: fc.oneof(fc.constantFrom('ask', 'auto'), fc.string()),
    capUsd: fc.oneof(fc.constant(null), fc.constantFrom('1.00', '-1', '1e3'), fc.double()),
    ttlSeconds: fc.oneof(fc.integer(), fc.double()),
    name: fc.string(),
    url: fc.oneof(fc.constantFrom('http://127.0.0.1:9/hooks', 'ftp://x', 'http://'), fc.string()),
    events: fc.oneof(fc.constant(['charge.created']), fc.array(fc.string())),
    role: fc.constantFrom('admin', 'member', 'owner'),
    as: fc.oneof(fc.constantFrom('ada', 'milo', 'eve'), fc.string()),
    extra: fc.jsonValue(),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  nearValid.map((b) => JSON.stringify(b)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string(),
  fc.constant(''),
  fc.constant(`{"operation":"smart-crop","quantity":1,"pad":"${'x'.repeat(70_000)}"}`),
);
const token = fc.oneof(
  fc.constant('member'),
  fc.constant('operator'),
  fc.constant(undefined),
  headerText,
  headerText.map((t) => `tly_${t}`),
);

test('no input makes the server fail or change the account', async () => {
  const api = client(server(), memberToken);
  const before = (await api.get('/v1/me')).body;

  await fc.assert(
    fc.asyncProperty(
      routes,
      body,
      token,
      maybe(headerText),
      maybe(fc.constantFrom('application/json', 'text/plain', 'multipart/form-data', '')),
      fc.oneof(fc.constant(accountId), fc.constant('hold_x'), headerText),
      fc.oneof(
        fc.constant(''),
        fc.constant('?limit=0'),
        fc.constant('?as=milo'),
        fc.constant('?limit=abc&before=zzz'),
        headerText.map((q) => `?${encodeURIComponent(q)}=${encodeURIComponent(q)}`),
      ),
      async ([method, path], payload, who, key, contentType, id, query) => {
        const headers: Record<string, string> = {};
        const bearer =
          who === 'member' ? memberToken : who === 'operator' ? server().operatorKey : who;
        if (bearer !== undefined) headers.authorization = `Bearer ${bearer}`;
        if (key !== undefined) headers['idempotency-key'] = key;
        if (contentType !== undefined) headers['content-type'] = contentType;
        // {raw}: the id as it is, so a broken %-escape reaches the server undecoded.
        const target = path!.replace('{id}', encodeURIComponent(id)).replace('{raw}', id);
        const url = `${server().url}${target}${method === 'GET' ? query : ''}`;
        const response = await fetch(url, {
          method,
          headers,
          ...(method === 'GET' ? {} : { body: payload }),
        });
        // An event stream that opened never ends: its status is the answer.
        const streaming = response.headers.get('content-type') === 'text/event-stream';
        const text = streaming ? '' : await response.text();
        if (streaming) await response.body?.cancel();
        expect(response.status, `${method} ${url} → ${text.slice(0, 300)}`).toBeLessThan(500);
        if (response.status >= 400 && path!.startsWith('/v1/')) {
          const json = JSON.parse(text);
          expect(typeof json.error.message).toBe('string');
          expect(errorStatus[json.error.code as keyof typeof errorStatus]).toBe(response.status);
        }
      },
    ),
    { numRuns: 300 },
  );

  const after = (await api.get('/v1/me')).body;
  expect(after.version).toBe(before.version);
  expect(after.credits).toEqual(before.credits);
  expect(after.plan.id).toBe(before.plan.id);
});

test('the dev clock answers any duration or instant with 200 or 400, never a 5xx', async () => {
  const duration = fc.oneof(
    fc.constantFrom('P99999999Y', 'P1000Y', 'P99999999999999999999D', 'PT1S', 'P', '-P1D'),
    fc.tuple(fc.nat(), fc.constantFrom('Y', 'M', 'W', 'D')).map(([n, unit]) => `P${n}${unit}`),
    fc.string(),
  );
  const instant = fc.oneof(
    fc.constantFrom(
      '+275760-09-13T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      '0000-01-01T00:00:00Z',
    ),
    fc.string(),
  );
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        duration.map((advance) => ({ advance })),
        instant.map((now) => ({ now })),
      ),
      async (body) => {
        const response = await fetch(`${server().url}/v1/dev/clock`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const text = await response.text();
        expect([200, 400], `${JSON.stringify(body)} → ${text.slice(0, 300)}`).toContain(
          response.status,
        );
      },
    ),
    { numRuns: 200 },
  );
  // The clock may now stand in year 9998: the server still answers, renewals and all.
  const me = await client(server(), memberToken).get('/v1/me');
  expect(me.status).toBe(200);
});
