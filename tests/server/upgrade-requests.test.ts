// Upgrade requests over HTTP: a member asks, the admins hear it live, an admin approves (the
// plan change, charged once however often Approve is pressed) or declines; a second request
// replaces the first; any change to a plan approves the open requests for it.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { createAccount } from '../support/server.ts';
import { twoAccounts } from './accounts.ts';
import { openStream } from './event-stream.ts';
import { allCharges, type Client, client } from './http.ts';
import { serverPerFile } from './server-per-file.ts';

const server = serverPerFile();

test('Milo asks: Ada’s stream hears the request and her Snapshot counts it open', async () => {
  const { ada, milo } = await twoAccounts(server());
  const stream = await openStream(server(), ada.token);
  await stream.next(() => true);
  const asked = await milo.api.post('/v1/upgrade-requests', { planId: 'scale', note: 'Big shoot' });
  expect(asked.status).toBe(201);
  const { request } = asked.body;
  expect(request).toMatchObject({ planId: 'scale', note: 'Big shoot', status: 'open' });

  await stream.next((data) => (data as unknown as { id?: string }).id === request.id);
  expect(stream.events.find((e) => e.event === 'upgrade-request')?.data).toBe(
    JSON.stringify(request),
  );
  const counted = (await stream.next(
    (s) => (s as unknown as { upgradeRequests?: { open: number } }).upgradeRequests?.open === 1,
  )) as { upgradeRequests: { open: number } };
  expect(counted.upgradeRequests.open).toBe(1);
  expect((await milo.api.get('/v1/me')).body.upgradeRequests).toEqual({ open: 1 });
  stream.close();
});

test('approve is the plan change, charged once even when Approve is pressed twice', async () => {
  const { ada, milo } = await twoAccounts(server());
  const { request } = (await milo.api.post('/v1/upgrade-requests', { planId: 'scale' })).body;
  const key = randomUUID();
  const approved = await ada.api.post(`/v1/upgrade-requests/${request.id}/approve`, {}, key);
  expect(approved.status).toBe(201);
  expect(approved.body.request).toMatchObject({ id: request.id, status: 'approved' });
  expect(approved.body.change).toMatchObject({ from: 'growth', to: 'scale', chargeUsd: '500.00' });
  expect(approved.body.snapshot.plan.id).toBe('scale');

  const replayed = await ada.api.post(`/v1/upgrade-requests/${request.id}/approve`, {}, key);
  expect([replayed.status, replayed.body]).toEqual([201, approved.body]);
  const again = await ada.api.post(`/v1/upgrade-requests/${request.id}/approve`, {});
  expect([again.status, again.body.error.code]).toEqual([409, 'request_not_open']);

  const charges = await allCharges(ada.api);
  expect(charges.filter((c) => c.amountUsd === '500.00')).toHaveLength(1);
  const mine = await milo.api.get('/v1/upgrade-requests');
  expect(mine.body.requests.map((r: { status: string }) => r.status)).toEqual(['approved']);
  expect((await milo.api.get('/v1/me')).body).toMatchObject({
    plan: { id: 'scale' },
    upgradeRequests: { open: 0 },
  });
});

test('decline with a reason; the member reads it; a member cannot approve or decline', async () => {
  const { ada, milo } = await twoAccounts(server());
  const { request } = (await milo.api.post('/v1/upgrade-requests', { planId: 'scale' })).body;
  expect((await milo.api.post(`/v1/upgrade-requests/${request.id}/approve`, {})).status).toBe(403);
  expect((await milo.api.post(`/v1/upgrade-requests/${request.id}/decline`, {})).status).toBe(403);
  const declined = await ada.api.post(`/v1/upgrade-requests/${request.id}/decline`, {
    reason: 'Next quarter',
  });
  expect(declined.status).toBe(200);
  expect(declined.body.request).toMatchObject({ status: 'declined', reason: 'Next quarter' });
  const mine = (await milo.api.get('/v1/upgrade-requests')).body.requests;
  expect(mine[0]).toMatchObject({ id: request.id, status: 'declined', reason: 'Next quarter' });
  expect((await ada.api.get('/v1/me')).body.plan.id).toBe('growth');
});

test('a second request replaces the member’s open one', async () => {
  const { ada, milo } = await twoAccounts(server());
  const first = (await milo.api.post('/v1/upgrade-requests', { planId: 'scale' })).body.request;
  const second = (await milo.api.post('/v1/upgrade-requests', { planId: 'starter' })).body.request;
  const open = (await ada.api.get('/v1/upgrade-requests?status=open')).body.requests;
  expect(open.map((r: { id: string }) => r.id)).toEqual([second.id]);
  const all = (await ada.api.get('/v1/upgrade-requests')).body.requests;
  expect(all.find((r: { id: string }) => r.id === first.id).status).toBe('replaced');
  expect((await ada.api.get('/v1/me')).body.upgradeRequests).toEqual({ open: 1 });
});

test('asking for the current plan or an unknown one is 400', async () => {
  const { milo } = await twoAccounts(server());
  expect((await milo.api.post('/v1/upgrade-requests', { planId: 'growth' })).status).toBe(400);
  expect((await milo.api.post('/v1/upgrade-requests', { planId: 'nope' })).status).toBe(400);
  expect((await milo.api.post('/v1/upgrade-requests', { planId: 'scale', x: 1 })).status).toBe(400);
});

test('a plan change approves the open requests for its plan, however it was made; others stay open', async () => {
  const { members } = await createAccount(server(), {
    planId: 'starter',
    members: [
      { name: 'Ada', role: 'admin' },
      { name: 'Milo', role: 'member' },
      { name: 'Lena', role: 'member' },
      { name: 'Kai', role: 'member' },
    ],
  });
  const [ada, milo, lena, kai] = members.map((m) => client(server(), m.token)) as [
    Client,
    Client,
    Client,
    Client,
  ];
  const adaId = members[0]!.member.id;
  const ask = async (api: Client, planId: string) =>
    (await api.post('/v1/upgrade-requests', { planId })).body.request as { id: string };
  const status = async (api: Client) => (await api.get('/v1/upgrade-requests')).body.requests[0];

  // Ada moves to Growth in the popup: Milo asked for exactly that, Kai for Scale.
  await ask(milo, 'growth');
  await ask(kai, 'scale');
  const changed = await ada.post('/v1/plan-changes', { planId: 'growth' });
  expect(changed.status).toBe(201);
  expect(changed.body.snapshot.upgradeRequests).toEqual({ open: 1 });
  expect(await status(milo)).toMatchObject({ status: 'approved', decidedBy: adaId });
  expect(await status(kai)).toMatchObject({ status: 'open', planId: 'scale' });
  expect((await ada.get('/v1/me')).body.upgradeRequests).toEqual({ open: 1 });

  // Approving Kai's request to Scale approves Lena's for Scale too.
  await ask(lena, 'scale');
  const kaiRequest = await status(kai);
  const approved = await ada.post(`/v1/upgrade-requests/${kaiRequest.id}/approve`, {});
  expect(approved.status).toBe(201);
  expect(approved.body.snapshot.upgradeRequests).toEqual({ open: 0 });
  expect(await status(lena)).toMatchObject({ status: 'approved', decidedBy: adaId });
  expect((await ada.get('/v1/upgrade-requests?status=open')).body.requests).toEqual([]);
  expect((await ada.get('/v1/me')).body.upgradeRequests).toEqual({ open: 0 });
});

test('asked while the admin changes to that very plan: refused, or approved by the change, never left open', async () => {
  const { ada, milo } = await twoAccounts(server());
  const plans = ['scale', 'growth'];
  for (let round = 0; round < 12; round++) {
    const planId = plans[round % 2]!;
    const [changed, asked] = await Promise.all([
      ada.api.post('/v1/plan-changes', { planId }),
      milo.api.post('/v1/upgrade-requests', { planId }),
    ]);
    expect(changed.status).toBe(201);
    expect([201, 400]).toContain(asked.status);
    const open = (await ada.api.get('/v1/upgrade-requests?status=open')).body.requests;
    expect(open.filter((request: { planId: string }) => request.planId === planId)).toEqual([]);
  }
});
