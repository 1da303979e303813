// Random and malformed bodies, headers and tokens sent to every route: never a 5xx, always
// API.md's error shape, and the account under test unchanged.
import fc from 'fast-check';
import { beforeAll, expect, test } from 'vitest';
import { errorStatus } from '../../lib/api/schemas/errors.ts';
import { createAccount } from '../support/server.ts';
import { client } from './http.ts';
import { serverPerFile } from './server-per-file.ts';

const server = serverPerFile();
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
  ['POST', '/v1/dev/clock'],
  ['DELETE', '/v1/usage'],
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
    role: fc.constantFrom('admin', 'member', 'owner'),
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
        const url = `${server().url}${path!.replace('{id}', encodeURIComponent(id))}${method === 'GET' ? query : ''}`;
        const response = await fetch(url, {
          method,
          headers,
          ...(method === 'GET' ? {} : { body: payload }),
        });
        const text = await response.text();
        expect(response.status, `${method} ${url} → ${text.slice(0, 300)}`).toBeLessThan(500);
        if (response.status >= 400) {
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
