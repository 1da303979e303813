// Webhooks over HTTP to a real receiver on a loopback port: what arrives, signed how, retried
// when, and what the operator sees of it.
import { expect, test } from 'vitest';
import { accountWith100, soleAdmin, twoAccounts } from './accounts.ts';
import { clock } from './http.ts';
import { serverPerFile } from './server-per-file.ts';
import { accountOf, verified } from './webhook-receiver.ts';
import { operator, receiverPerTest } from './webhooks.ts';

const server = serverPerFile({ devClock: true });
const receiver = receiverPerTest(server);

/** 30 Lifestyle Crops on 100 credits: 123 credits, 23 of them overage = $2.30. */
const overage = { operation: 'lifestyle-crop', quantity: 30, overage: 'accept' };

test('an overage usage sends one charge.created, signed, naming the account, amount and entry', async () => {
  const { accountId, api } = await accountWith100(server());
  const { secret } = await operator(server()).register(receiver().url, ['charge.created']);
  const used = await api.post('/v1/usage', overage);
  expect(used.status).toBe(201);

  const [request] = await receiver().next(1, (r) => accountOf(r) === accountId);
  if (!request) throw new Error('no request');
  const event = verified(secret, request);
  expect(event.type).toBe('charge.created');
  expect(event.data).toMatchObject({
    accountId,
    kind: 'overage',
    amountUsd: '2.30',
    entryId: used.body.entry.id,
  });
  const charges = await api.get('/v1/charges?limit=1');
  expect(event.data.chargeId).toBe(charges.body.charges[0].id);
  expect(request.headers['webhook-id']).toMatch(/^evt_/);
  // The attempt's real wall-clock second, whatever the dev clock says.
  const sentAt = Number(request.headers['webhook-timestamp']);
  expect(Math.abs(sentAt - Date.now() / 1000)).toBeLessThan(60);
  // A later event for this account proves the charge came once.
  await api.post('/v1/usage', { ...overage, quantity: 1 });
  const all = await receiver().next(2, (r) => accountOf(r) === accountId);
  expect(all.map((r) => verified(secret, r).data.amountUsd)).toEqual(['2.30', '0.41']);
});

test('a receiver answering 500, 500, 200 gets the same webhook-id three times, after 5 s and 5 min', async () => {
  const { accountId, api } = await accountWith100(server());
  const hooks = operator(server());
  const { id, secret } = await hooks.register(receiver().url, ['charge.created']);
  receiver().script(500, 500, 200);
  const mine = (r: { body: string }) => accountOf(r) === accountId;
  expect((await api.post('/v1/usage', overage)).status).toBe(201);

  await receiver().next(1, mine);
  const [first] = await hooks.attempts(id, 1);
  expect(first).toMatchObject({ attempt: 1, status: 'pending', responseStatus: 500 });
  expect(Date.parse(first.nextAttemptAt) - Date.parse(first.at)).toBe(5_000);
  expect((await clock(server(), { advance: 'PT6S' })).status).toBe(200);

  await receiver().next(2, mine);
  const [second] = await hooks.attempts(id, 2);
  expect(second).toMatchObject({ attempt: 2, status: 'pending', responseStatus: 500 });
  expect(Date.parse(second.nextAttemptAt) - Date.parse(second.at)).toBe(5 * 60_000);
  expect((await clock(server(), { advance: 'PT5M1S' })).status).toBe(200);

  const requests = await receiver().next(3, mine);
  const ids = requests.map((r) => r.headers['webhook-id']);
  expect(new Set(ids).size).toBe(1);
  for (const request of requests) expect(verified(secret, request).type).toBe('charge.created');
  const rows = await hooks.attempts(id, 3);
  expect(rows.map((row: { attempt: number }) => row.attempt)).toEqual([3, 2, 1]);
  expect(rows[0]).toMatchObject({ status: 'succeeded', responseStatus: 200, nextAttemptAt: null });
  expect(rows[0].eventId).toBe(ids[0]);
});

test('a receiver that hangs holds no request: the usage is answered while the receiver still waits', async () => {
  const { accountId, api } = await accountWith100(server());
  await operator(server()).register(receiver().url, ['charge.created']);
  receiver().script('hang');
  expect((await api.post('/v1/usage', overage)).status).toBe(201);
  await receiver().next(1, (r) => accountOf(r) === accountId);
  // The hook is still unanswered; the next request goes through all the same.
  expect((await api.post('/v1/usage', { ...overage, quantity: 1 })).status).toBe(201);
});

test('a plan change sends plan.changed and the charge; crossing the thresholds sends the alerts once', async () => {
  const { accountId, api } = await accountWith100(server());
  const { secret } = await operator(server()).register(receiver().url, [
    'plan.changed',
    'balance.low',
    'balance.exhausted',
    'charge.created',
  ]);
  const mine = (r: { body: string }) => accountOf(r) === accountId;
  expect((await api.post('/v1/plan-changes', { planId: 'starter' })).status).toBe(201);
  // Starter: 100 rolled over + 1,700 = 1,800 granted; 20 % = 360, 5 % = 90.
  expect((await api.post('/v1/usage', { operation: 'smart-crop', quantity: 1108 })).status).toBe(
    201,
  );
  expect((await api.post('/v1/usage', { operation: 'smart-crop', quantity: 1 })).status).toBe(201);
  // 100 Lifestyle Crops = 410 credits: 358.3 from the plan, 51.7 overage = $5.17.
  const past = { operation: 'lifestyle-crop', quantity: 100, overage: 'accept' };
  expect((await api.post('/v1/usage', past)).status).toBe(201);
  const events = (await receiver().next(6, mine)).map((r) => verified(secret, r));
  const byType = (type: string) => events.filter((event) => event.type === type);
  expect(byType('plan.changed').map((e) => e.data)).toEqual([
    { accountId, fromPlanId: 'growth', toPlanId: 'starter', chargeUsd: '100.00' },
  ]);
  expect(byType('balance.low').map((e) => e.data)).toEqual([
    { accountId, threshold: 20, available: '359.6', granted: '1800' },
    { accountId, threshold: 5, available: '0', granted: '1800' },
  ]);
  expect(byType('balance.exhausted').map((e) => e.data)).toEqual([
    { accountId, available: '0', granted: '1800' },
  ]);
  expect(byType('charge.created').map((e) => e.data.amountUsd)).toEqual(['100.00', '5.17']);
});

test('opening an account and each renewal send charge.created for the subscription', async () => {
  const { secret } = await operator(server()).register(receiver().url, ['charge.created']);
  const { accountId, api } = await soleAdmin(server());
  const mine = (r: { body: string }) => accountOf(r) === accountId;
  const [opening] = await receiver().next(1, mine);
  if (!opening) throw new Error('no request');
  expect(verified(secret, opening).data).toMatchObject({
    accountId,
    kind: 'subscription',
    amountUsd: '250.00',
  });
  expect((await clock(server(), { advance: 'P1M' })).status).toBe(200);
  // The renewal is applied (and charged) at the account's next read.
  expect((await api.get('/v1/me')).status).toBe(200);
  const [, renewal] = await receiver().next(2, mine);
  if (!renewal) throw new Error('no second request');
  const event = verified(secret, renewal);
  expect(event.data).toMatchObject({ kind: 'subscription', amountUsd: '250.00' });
  expect(event.data.chargeId).not.toBe(verified(secret, opening).data.chargeId);
});

test('removing a member and asking for an upgrade send member.removed and upgrade.requested', async () => {
  const { ada, milo } = await twoAccounts(server());
  const me = await milo.api.get('/v1/me');
  const accountId = me.body.account.id;
  const miloId = me.body.member.id;
  const { secret } = await operator(server()).register(receiver().url, [
    'member.removed',
    'upgrade.requested',
  ]);
  const asked = await milo.api.post('/v1/upgrade-requests', { planId: 'scale' });
  expect(asked.status).toBe(201);
  expect((await ada.api.delete(`/v1/members/${miloId}`)).status).toBe(204);

  const requests = await receiver().next(2, (r) => accountOf(r) === accountId);
  const events = requests.map((request) => verified(secret, request));
  expect(events.map(({ type, data }) => ({ type, data }))).toEqual([
    {
      type: 'upgrade.requested',
      data: { accountId, requestId: asked.body.request.id, memberId: miloId, planId: 'scale' },
    },
    { type: 'member.removed', data: { accountId, memberId: miloId } },
  ]);
});
