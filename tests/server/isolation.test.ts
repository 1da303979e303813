// Tenants: another account's objects answer 404 exactly as missing ones, and change nothing;
// a member (not an admin) gets 403 on admin routes.
import { beforeAll, describe, expect, test } from 'vitest';
import { twoAccounts } from './accounts.ts';
import { type Client, client } from './http.ts';
import { serverPerFile } from './server-per-file.ts';

const server = serverPerFile();
let ownerA: Client;
let memberA: Client;
let ownerB: Client;
let holdA: string;
let entryA: string;
let chargeA: string;

beforeAll(async () => {
  const { ada, milo, bo } = await twoAccounts(server());
  ownerA = ada.api;
  memberA = milo.api;
  ownerB = bo.api;
  holdA = (await ownerA.post('/v1/holds', { operation: 'smart-crop', quantity: 2 })).body.hold.id;
  entryA = (await ownerA.get('/v1/ledger?limit=1')).body.entries[0].id;
  chargeA = (await ownerA.get('/v1/charges?limit=1')).body.charges[0].id;
});

describe('another account', () => {
  test('its holds answer 404, its entries and charges as cursors 400, and nothing changes', async () => {
    const before = (await ownerA.get('/v1/me')).body;
    const beforeB = (await ownerB.get('/v1/me')).body;
    const answers = [
      await ownerB.post(`/v1/holds/${holdA}/capture`, {}),
      await ownerB.post(`/v1/holds/${holdA}/release`, {}),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
    }
    // Exactly as a missing one.
    const missing = await ownerB.post('/v1/holds/hold_missing/capture', {});
    expect(missing.body).toEqual(answers[0]!.body);
    // A paging cursor is input: naming another account's entry, it is as bad as naming nothing.
    for (const [list, own] of [
      ['ledger', entryA],
      ['charges', chargeA],
    ] as const) {
      const foreign = await ownerB.get(`/v1/${list}?before=${own}`);
      const nothing = await ownerB.get(`/v1/${list}?before=nope`);
      expect(foreign.status).toBe(400);
      expect(foreign.body.error.code).toBe('invalid_request');
      expect(foreign.body.error.details.issues[0].path).toBe('before');
      expect(nothing.body.error.message.replace('nope', own)).toBe(foreign.body.error.message);
    }
    expect((await ownerA.get('/v1/me')).body.version).toBe(before.version);
    expect((await ownerB.get('/v1/me')).body.version).toBe(beforeB.version);
    // The hold is still pending for its own account.
    expect((await ownerA.post(`/v1/holds/${holdA}/release`, {})).status).toBe(200);
  });

  test('its members route needs the operator key, and an unknown account is 404', async () => {
    const asMember = await ownerB.post(`/v1/accounts/${'acct_x'}/members`, {
      name: 'X',
      role: 'admin',
    });
    expect(asMember.status).toBe(401);
    const operator = client(server(), server().operatorKey);
    const unknown = await operator.post('/v1/accounts/acct_missing/members', {
      name: 'X',
      role: 'admin',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
  });
});

describe('a member who is not an admin', () => {
  test('gets 403 forbidden on plan changes and the overage policy, and nothing changes', async () => {
    const before = (await memberA.get('/v1/me')).body;
    const change = await memberA.post('/v1/plan-changes', { planId: 'scale' });
    const policy = await memberA.put('/v1/overage-policy', { policy: 'auto', capUsd: null });
    for (const answer of [change, policy]) {
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('forbidden');
      expect(answer.body.error.message).toMatch(/admin/i);
    }
    const after = (await memberA.get('/v1/me')).body;
    expect(after.plan.id).toBe(before.plan.id);
    expect(after.overage.policy).toBe('ask');
    expect(after.account.admins.map((a: { name: string }) => a.name)).toEqual(['Ada']);
  });
});
