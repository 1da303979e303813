// docs/billing.md's worked scenarios end to end through HTTP, with the dev clock moving time.
import { describe, expect, test } from 'vitest';
import { createAccount } from '../support/server.ts';
import { allCharges, allEntries, type Client, client, clock } from './http.ts';
import { serverPerFile } from './server-per-file.ts';

const server = serverPerFile({ devClock: true });

async function account(planId: string, startAt: string) {
  const { members } = await createAccount(server(), {
    planId,
    startAt,
    members: [
      { name: 'Ada', role: 'admin' },
      { name: 'Milo', role: 'member' },
    ],
  });
  return {
    admin: client(server(), members[0]!.token),
    member: client(server(), members[1]!.token),
  };
}

async function use(api: Client, operation: string, quantity: number, overage = 'deny') {
  const answer = await api.post('/v1/usage', { operation, quantity, overage });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

/** Spends 4,170 of Growth's 4,570 credits: 3,184 × 1.3 + 11 × 2.8 = 4,170, leaving 400. */
async function leave400(api: Client) {
  await use(api, 'smart-crop', 3184);
  const { snapshot } = await use(api, 'background-removal', 11);
  expect(snapshot.credits.available).toBe('400');
}

/** Spends all 4,570: 3,496 × 1.3 + 9 × 2.8 = 4,570. */
async function exhaust(api: Client) {
  await use(api, 'smart-crop', 3496);
  const { snapshot } = await use(api, 'background-removal', 9);
  expect(snapshot.credits.available).toBe('0');
}

const money = (usd: string) => Number(usd).toFixed(2);

describe('docs/billing.md scenarios over HTTP', () => {
  test('Growth with 400 left on May 6 → Starter on May 8: 400 roll over, $100 charged, renews June 8', async () => {
    await clock(server(), { now: '2026-05-01T00:00:00.000Z' });
    const { admin } = await account('growth', '2026-05-01T00:00:00.000Z');
    await clock(server(), { now: '2026-05-06T09:00:00.000Z' });
    await leave400(admin);

    await clock(server(), { now: '2026-05-08T09:00:00.000Z' });
    const preview = await admin.post('/v1/plan-changes/preview', { planId: 'starter' }, null);
    expect(preview.status).toBe(200);
    expect(money(preview.body.chargeUsd)).toBe('100.00');
    expect(preview.body.rolledOverCredits).toBe('400');
    expect(preview.body.creditsAfter).toBe('2100');
    expect(preview.body.cycleAfter.end).toBe('2026-06-08T09:00:00.000Z');

    const change = await admin.post('/v1/plan-changes', { planId: 'starter' });
    expect(change.status).toBe(201);
    expect(change.body.change).toEqual(preview.body);
    expect(change.body.snapshot.plan.id).toBe('starter');
    expect(change.body.snapshot.credits.available).toBe('2100');
    expect(change.body.snapshot.cycle).toEqual({
      start: '2026-05-08T09:00:00.000Z',
      end: '2026-06-08T09:00:00.000Z',
    });

    const may = (await allCharges(admin)).filter((c) => c.at.startsWith('2026-05'));
    expect(may.map((c) => money(c.amountUsd))).toEqual(['250.00', '100.00']);

    // June 8: Starter renews at $100 and its allotment replaces what was left.
    await clock(server(), { now: '2026-06-08T09:00:00.000Z' });
    const me = await admin.get('/v1/me');
    expect(me.body.cycle.start).toBe('2026-06-08T09:00:00.000Z');
    expect(me.body.credits.available).toBe('1700');
    const june = (await allCharges(admin)).filter((c) => c.at.startsWith('2026-06'));
    expect(june.map((c) => [c.kind, money(c.amountUsd)])).toEqual([['subscription', '100.00']]);

    // Each entry of the calendar and of the change names its plans, for a reader to say it.
    const plans = (await allEntries(admin))
      .filter((e) => e.kind !== 'usage')
      .map((e) => [e.kind, e.planId, e.fromPlanId, e.terms]);
    expect(plans).toEqual([
      ['grant', 'growth', undefined, undefined],
      ['rollover', 'starter', 'growth', undefined],
      ['plan-change', 'starter', 'growth', undefined],
      ['expiry', 'starter', undefined, undefined],
      ['grant', 'starter', undefined, undefined],
    ]);
  });

  test('switching to free: no charge, credits usable until the term ends, then 25 a month', async () => {
    await clock(server(), { now: '2026-07-01T00:00:00.000Z' });
    const { admin } = await account('growth', '2026-07-01T00:00:00.000Z');
    await clock(server(), { now: '2026-07-10T00:00:00.000Z' });
    const change = await admin.post('/v1/plan-changes', { planId: 'free' });
    expect(change.status).toBe(201);
    expect(money(change.body.change.chargeUsd)).toBe('0.00');
    expect(change.body.snapshot.plan.id).toBe('free');
    expect(change.body.snapshot.credits.available).toBe('4570');
    expect(change.body.snapshot.cycle.end).toBe('2026-08-01T00:00:00.000Z');
    expect((await allCharges(admin)).map((c) => money(c.amountUsd))).toEqual(['250.00']);

    await clock(server(), { now: '2026-08-01T00:00:00.000Z' });
    const me = await admin.get('/v1/me');
    expect(me.body.credits.available).toBe('25');
    expect(me.body.cycle).toEqual({
      start: '2026-08-01T00:00:00.000Z',
      end: '2026-09-01T00:00:00.000Z',
    });
    expect((await allCharges(admin)).map((c) => money(c.amountUsd))).toEqual(['250.00']);
  });

  test('three missed renewals are applied in order, each with its own entries and charge', async () => {
    await clock(server(), { now: '2027-01-31T10:00:00.000Z' });
    const { member } = await account('starter', '2027-01-31T10:00:00.000Z');
    await use(member, 'smart-crop', 10);
    // Jan 31 → Feb 28 → Mar 31 → Apr 30: three renewals are due by May 1.
    await clock(server(), { now: '2027-05-01T00:00:00.000Z' });
    const me = await member.get('/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.cycle).toEqual({
      start: '2027-04-30T10:00:00.000Z',
      end: '2027-05-31T10:00:00.000Z',
    });
    expect(me.body.credits.available).toBe('1700');

    const charges = await allCharges(member);
    expect(charges.map((c) => c.at)).toEqual([
      '2027-01-31T10:00:00.000Z',
      '2027-02-28T10:00:00.000Z',
      '2027-03-31T10:00:00.000Z',
      '2027-04-30T10:00:00.000Z',
    ]);
    const grants = (await allEntries(member)).filter((e) => e.kind === 'grant');
    expect(grants.map((e) => e.at)).toEqual(charges.map((c) => c.at));
    // A second read applies nothing more.
    const again = await member.get('/v1/me');
    expect(again.body.version).toBe(me.body.version);
  });

  test('overage needs consent: 402 overage_required, then 201 with accept and a $0.41 charge', async () => {
    await clock(server(), { now: '2027-06-01T00:00:00.000Z' });
    const { member } = await account('growth', '2027-06-01T00:00:00.000Z');
    await exhaust(member);
    const quote = await member.post(
      '/v1/quotes',
      { operation: 'lifestyle-crop', quantity: 1 },
      null,
    );
    expect(quote.body).toMatchObject({ outcome: 'overage', overageUsd: '0.41' });

    const denied = await member.post('/v1/usage', { operation: 'lifestyle-crop', quantity: 1 });
    expect(denied.status).toBe(402);
    expect(denied.body.error.code).toBe('overage_required');
    expect(denied.body.error.details.quote.overageUsd).toBe('0.41');

    const accepted = await use(member, 'lifestyle-crop', 1, 'accept');
    expect(accepted.entry.overageCredits).toBe('4.1');
    expect(accepted.snapshot.overage.usdThisCycle).toBe('0.41');
    const overage = (await allCharges(member)).filter((c) => c.kind === 'overage');
    expect(overage.map((c) => [c.amountUsd, c.entryId])).toEqual([['0.41', accepted.entry.id]]);
  });

  test('the free plan blocks overage even with consent', async () => {
    await clock(server(), { now: '2027-07-01T00:00:00.000Z' });
    const { member } = await account('free', '2027-07-01T00:00:00.000Z');
    const blocked = await member.post('/v1/usage', {
      operation: 'lifestyle-crop',
      quantity: 7,
      overage: 'accept',
    });
    expect(blocked.status).toBe(402);
    expect(blocked.body.error.code).toBe('overage_blocked');
    expect(blocked.body.error.details.quote.reason).toBe('plan-disallows-overage');
    expect((await member.get('/v1/me')).body.credits.available).toBe('25');
  });

  test('auto policy bills overage without asking, up to the cap; only an admin sets it', async () => {
    await clock(server(), { now: '2027-08-01T00:00:00.000Z' });
    const { admin, member } = await account('growth', '2027-08-01T00:00:00.000Z');
    await exhaust(member);
    const refused = await member.put('/v1/overage-policy', { policy: 'auto', capUsd: '1.00' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');

    const set = await admin.put('/v1/overage-policy', { policy: 'auto', capUsd: '1.00' });
    expect(set.status).toBe(200);
    expect(set.body.overage).toMatchObject({ policy: 'auto', capUsd: '1.00' });

    await use(member, 'lifestyle-crop', 1);
    const second = await use(member, 'lifestyle-crop', 1);
    expect(second.snapshot.overage.usdThisCycle).toBe('0.82');
    // $0.82 + $0.41 > $1.00: blocked until the admin raises the cap.
    const third = await member.post('/v1/usage', { operation: 'lifestyle-crop', quantity: 1 });
    expect(third.status).toBe(402);
    expect(third.body.error.code).toBe('overage_blocked');
    expect(third.body.error.details.quote.reason).toBe('overage-cap-reached');
  });

  test('overage consented by pending holds is held against the cap, in every Snapshot, until they resolve', async () => {
    await clock(server(), { now: '2027-08-15T00:00:00.000Z' });
    const { admin, member } = await account('growth', '2027-08-15T00:00:00.000Z');
    await exhaust(member);
    await admin.put('/v1/overage-policy', { policy: 'ask', capUsd: '1.00' });
    const reserve = () =>
      member.post('/v1/holds', { operation: 'lifestyle-crop', quantity: 1, overage: 'accept' });
    const first = await reserve();
    expect(first.status).toBe(201);
    expect(first.body.snapshot.overage).toMatchObject({ usdThisCycle: '0.00', heldUsd: '0.41' });
    const second = await reserve();
    expect(second.body.snapshot.overage).toMatchObject({ usdThisCycle: '0.00', heldUsd: '0.82' });
    // $0.82 held + $0.41 > $1.00, though nothing is spent yet.
    const over = await member.post('/v1/usage', {
      operation: 'lifestyle-crop',
      quantity: 1,
      overage: 'accept',
    });
    expect(over.status).toBe(402);
    expect(over.body.error.details.quote.reason).toBe('overage-cap-reached');

    const captured = await member.post(`/v1/holds/${first.body.hold.id}/capture`, {});
    expect(captured.body.snapshot.overage).toMatchObject({ usdThisCycle: '0.41', heldUsd: '0.41' });
    await member.post(`/v1/holds/${second.body.hold.id}/release`, {});
    const me = await admin.get('/v1/me');
    expect(me.body.overage).toMatchObject({ usdThisCycle: '0.41', heldUsd: '0.00' });
    // The released hold's room is back: $0.41 + $0.41 fits under $1.00.
    const fits = await use(member, 'lifestyle-crop', 1, 'accept');
    expect(fits.snapshot.overage).toMatchObject({ usdThisCycle: '0.82', heldUsd: '0.00' });
  });

  test('a hold past its time to live is released and can never be captured', async () => {
    await clock(server(), { now: '2027-09-01T00:00:00.000Z' });
    const { member } = await account('growth', '2027-09-01T00:00:00.000Z');
    const reserved = await member.post('/v1/holds', {
      operation: 'lifestyle-crop',
      quantity: 10,
      ttlSeconds: 60,
    });
    expect(reserved.status).toBe(201);
    expect(reserved.body.snapshot.credits).toMatchObject({ available: '4529', held: '41' });

    await clock(server(), { advance: 'PT2M' });
    const capture = await member.post(`/v1/holds/${reserved.body.hold.id}/capture`, {});
    expect(capture.status).toBe(409);
    expect(capture.body.error.code).toBe('hold_not_pending');
    expect(capture.body.error.details.status).toBe('expired');
    // The message names what happened to this hold, not a list of what might have.
    expect(capture.body.error.message).toMatch(/expired/);
    expect(capture.body.error.message).not.toMatch(/captured|released/);
    const me = await member.get('/v1/me');
    expect(me.body.credits).toMatchObject({ available: '4570', held: '0' });
    const release = (await allEntries(member)).at(-1);
    expect(release).toMatchObject({ kind: 'release', memberId: null, credits: '41' });
  });

  test('capture takes the actual quantity and returns the rest', async () => {
    await clock(server(), { now: '2027-10-01T00:00:00.000Z' });
    const { member } = await account('growth', '2027-10-01T00:00:00.000Z');
    const reserved = await member.post('/v1/holds', { operation: 'smart-crop', quantity: 10 });
    const tooMany = await member.post(`/v1/holds/${reserved.body.hold.id}/capture`, {
      quantity: 11,
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.code).toBe('capture_exceeds_hold');
    const captured = await member.post(`/v1/holds/${reserved.body.hold.id}/capture`, {
      quantity: 4,
    });
    expect(captured.status).toBe(200);
    expect(captured.body.hold.status).toBe('captured');
    expect(captured.body.snapshot.credits).toMatchObject({ available: '4564.8', held: '0' });

    const again = await member.post(`/v1/holds/${reserved.body.hold.id}/release`, {});
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'hold_not_pending',
      details: { status: 'captured' },
    });
    expect(again.body.error.message).toMatch(/already captured/);
    expect(again.body.error.message).not.toMatch(/released|expired/);
  });

  test('an account cannot start in the future: 400 naming startAt', async () => {
    await clock(server(), { now: '2027-11-01T00:00:00.000Z' });
    const future = await fetch(`${server().url}/v1/accounts`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${server().operatorKey}`,
        'content-type': 'application/json',
        'idempotency-key': 'future-start',
      },
      body: JSON.stringify({
        name: 'Later',
        planId: 'growth',
        startAt: '2027-12-01T00:00:00.000Z',
      }),
    });
    expect(future.status).toBe(400);
    const { error } = await future.json();
    expect(error.code).toBe('invalid_request');
    expect(error.details.issues).toMatchObject([{ path: 'startAt' }]);
    expect(error.message).toMatch(/future/);
  });

  test('two years at rest are written at once, the entries saying how many terms they stand for', async () => {
    await clock(server(), { now: '2027-12-01T00:00:00.000Z' });
    const { member } = await account('starter', '2027-12-01T00:00:00.000Z');
    await clock(server(), { now: '2029-12-15T00:00:00.000Z' });
    expect((await member.get('/v1/me')).body.cycle.start).toBe('2029-12-01T00:00:00.000Z');
    const entries = await allEntries(member);
    // The first renewal on its own, then the 23 terms at rest after it as one expiry and grant.
    expect(entries.map((e) => [e.kind, e.planId, e.terms])).toEqual([
      ['grant', 'starter', undefined],
      ['expiry', 'starter', undefined],
      ['grant', 'starter', undefined],
      ['expiry', 'starter', 23],
      ['grant', 'starter', 23],
    ]);
    expect(entries[4].description).toMatch(/^Starter renewed for 23 terms without activity/);
  });
});
