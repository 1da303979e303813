// The team over HTTP: who sees whom, roles with last-admin protection, removal that revokes at
// once (the next request and the open stream), and the operator's list, removal and rotation.
import { describe, expect, test } from 'vitest';
import { type Caller, twoAccounts } from './accounts.ts';
import { openStream } from './event-stream.ts';
import { client } from './http.ts';
import { serverPerFile } from './server-per-file.ts';

const server = serverPerFile();

async function team() {
  const { ada, milo } = await twoAccounts(server());
  const me = async (caller: Caller) => (await caller.api.get('/v1/me')).body;
  const adaMe = await me(ada);
  const miloMe = await me(milo);
  return {
    ada,
    milo,
    accountId: adaMe.account.id as string,
    adaId: adaMe.member.id as string,
    miloId: miloMe.member.id as string,
  };
}

const operator = () => client(server(), server().operatorKey);

describe('GET /v1/members', () => {
  test('an admin sees every member with its plan credits and overage this term', async () => {
    const { ada, milo, adaId, miloId } = await team();
    expect(
      (await milo.api.post('/v1/usage', { operation: 'smart-crop', quantity: 10 })).status,
    ).toBe(201);
    expect(
      (await ada.api.post('/v1/usage', { operation: 'lifestyle-crop', quantity: 2 })).status,
    ).toBe(201);
    const listed = await ada.api.get('/v1/members');
    expect(listed.status).toBe(200);
    expect(listed.body.members).toEqual([
      { id: adaId, name: 'Ada', role: 'admin', usedThisCycle: '8.2', overageUsdThisCycle: '0.00' },
      {
        id: miloId,
        name: 'Milo',
        role: 'member',
        usedThisCycle: '13',
        overageUsdThisCycle: '0.00',
      },
    ]);
  });

  test('a member sees only itself', async () => {
    const { milo, miloId } = await team();
    const listed = await milo.api.get('/v1/members');
    expect(listed.body.members.map((m: { id: string }) => m.id)).toEqual([miloId]);
  });
});

describe('roles', () => {
  test('a member cannot change roles: 403 with "ask your admin"', async () => {
    const { milo, miloId } = await team();
    const refused = await milo.api.patch(`/v1/members/${miloId}`, { role: 'admin' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/ask your admin/);
  });

  test('the last admin cannot be demoted (409 last_admin); after promoting another, it can', async () => {
    const { ada, adaId, miloId } = await team();
    const refused = await ada.api.patch(`/v1/members/${adaId}`, { role: 'member' });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'last_admin']);
    const promoted = await ada.api.patch(`/v1/members/${miloId}`, { role: 'admin' });
    expect(promoted.body).toEqual({ member: { id: miloId, name: 'Milo', role: 'admin' } });
    const demoted = await ada.api.patch(`/v1/members/${adaId}`, { role: 'member' });
    expect(demoted.body.member.role).toBe('member');
    // Ada's own token now acts as a member at once.
    expect((await ada.api.patch(`/v1/members/${miloId}`, { role: 'member' })).status).toBe(403);
  });

  test('a role change reaches the account’s streams as a new Snapshot', async () => {
    const { ada, milo, miloId } = await team();
    const stream = await openStream(server(), milo.token);
    await stream.next(() => true);
    await ada.api.patch(`/v1/members/${miloId}`, { role: 'admin' });
    const pushed = (await stream.next(
      (s) => (s as unknown as { member: { role: string } }).member?.role === 'admin',
    )) as { account: { admins: { name: string }[] } };
    expect(pushed.account.admins.map((a) => a.name)).toEqual(['Ada', 'Milo']);
    stream.close();
  });
});

describe('removal', () => {
  test('the removed member’s next request is 401, its open stream ends, its entries stay', async () => {
    const { ada, milo, miloId } = await team();
    const used = await milo.api.post('/v1/usage', { operation: 'smart-crop', quantity: 1 });
    expect(used.status).toBe(201);
    const stream = await openStream(server(), milo.token);
    await stream.next(() => true);

    expect((await ada.api.delete(`/v1/members/${miloId}`)).status).toBe(204);
    expect((await milo.api.get('/v1/me')).status).toBe(401);
    await stream.ended;

    const entries = (await ada.api.get('/v1/ledger')).body.entries;
    expect(entries.some((e: { memberId: string }) => e.memberId === miloId)).toBe(true);
    const listed = (await ada.api.get('/v1/members')).body.members;
    expect(listed.map((m: { name: string }) => m.name)).toEqual(['Ada']);
  });

  test('the last admin cannot be removed (409 last_admin), and a member cannot remove', async () => {
    const { ada, milo, adaId } = await team();
    const refused = await ada.api.delete(`/v1/members/${adaId}`);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'last_admin']);
    expect((await milo.api.delete(`/v1/members/${adaId}`)).status).toBe(403);
    expect((await ada.api.get('/v1/me')).status).toBe(200);
  });

  test('a member of another account is not found', async () => {
    const { ada } = await team();
    const other = await team();
    expect((await ada.api.delete(`/v1/members/${other.miloId}`)).status).toBe(404);
    expect((await other.milo.api.get('/v1/me')).status).toBe(200);
  });
});

describe('operator', () => {
  test('lists an account’s members and removes one: its token is 401 at once', async () => {
    const { milo, accountId, adaId, miloId } = await team();
    const listed = await operator().get(`/v1/accounts/${accountId}/members`);
    expect(listed.body.members).toEqual([
      { id: adaId, name: 'Ada', role: 'admin' },
      { id: miloId, name: 'Milo', role: 'member' },
    ]);
    expect((await operator().delete(`/v1/accounts/${accountId}/members/${miloId}`)).status).toBe(
      204,
    );
    expect((await milo.api.get('/v1/me')).status).toBe(401);
    expect((await operator().get('/v1/accounts/acct_missing/members')).status).toBe(404);
  });

  test('rotating a token: the old one is 401 and its stream ends, the new one works', async () => {
    const { milo, accountId, miloId } = await team();
    const stream = await openStream(server(), milo.token);
    await stream.next(() => true);
    const rotated = await operator().post(`/v1/accounts/${accountId}/members/${miloId}/token`, {});
    expect(rotated.status).toBe(201);
    expect(rotated.body.token).toMatch(/^tly_/);
    expect((await milo.api.get('/v1/me')).status).toBe(401);
    await stream.ended;
    const me = await client(server(), rotated.body.token).get('/v1/me');
    expect([me.status, me.body.member.id]).toEqual([200, miloId]);
  });
});
