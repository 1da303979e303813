// Upgrade requests over HTTP: a member asks, the admins hear it live, an admin approves (the
// plan change, charged once however often Approve is pressed) or declines; a second request
// replaces the first.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { twoAccounts } from './accounts.ts';
import { openStream } from './event-stream.ts';
import { allCharges } from './http.ts';
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
