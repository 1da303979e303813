// Low-balance alerts over HTTP (docs/billing.md): once per threshold per term, re-armed by a
// renewal and a plan change, kept with the change that fired them, pushed to the streams as
// `event: alert` after the Snapshot that holds them; the admin's thresholds (PUT /v1/alerts).
import { expect, test } from 'vitest';
import { Decimal } from '../../lib/billing/decimal.ts';
import { soleAdmin, twoAccounts } from './accounts.ts';
import { openStream } from './event-stream.ts';
import { allEntries, type Client, clock } from './http.ts';
import { serverPerFile } from './server-per-file.ts';

const server = serverPerFile({ devClock: true });

interface AlertEvent {
  threshold: number | 'exhausted';
  at: string;
  available: string;
}

/** Smart Crops enough to take the account to `percent` % of its granted credits or below. */
async function downTo(api: Client, percent: number, rate: string) {
  const { credits } = (await api.get('/v1/me')).body;
  const level = new Decimal(credits.granted).times(percent).dividedBy(100);
  const quantity = new Decimal(credits.available)
    .minus(level)
    .dividedBy(rate)
    .toDecimalPlaces(0, Decimal.ROUND_UP)
    .toNumber();
  const answer = await api.post('/v1/usage', { operation: 'smart-crop', quantity });
  expect(answer.status).toBe(201);
  return answer.body;
}

test('20 % fires once in a term, and again after the renewal and after a plan change', async () => {
  expect((await clock(server(), { now: '2027-03-01T09:00:00.000Z' })).status).toBe(200);
  const { api, token } = await soleAdmin(server());
  const stream = await openStream(server(), token);
  try {
    // Growth grants 4,570: 2,813 Smart Crops leave 913.1 (≤ 914, 20 %); one more, 911.8.
    const first = await api.post('/v1/usage', { operation: 'smart-crop', quantity: 2813 });
    const at = first.body.entry.at;
    expect(first.body.snapshot.alerts.fired).toEqual([{ threshold: 20, at }]);
    const second = await api.post('/v1/usage', { operation: 'smart-crop', quantity: 1 });
    expect(second.body.snapshot.alerts).toEqual({
      thresholds: [20, 5],
      fired: [{ threshold: 20, at }],
    });
    await stream.nextOf<AlertEvent>('alert', (alert) => alert.threshold === 20);

    expect((await clock(server(), { advance: 'P1M' })).status).toBe(200);
    expect((await api.get('/v1/me')).body.alerts.fired).toEqual([]);
    const renewed = await downTo(api, 20, '1.3');
    expect(renewed.snapshot.alerts.fired).toEqual([{ threshold: 20, at: renewed.entry.at }]);

    expect((await api.post('/v1/plan-changes', { planId: 'scale' })).status).toBe(201);
    expect((await api.get('/v1/me')).body.alerts.fired).toEqual([]);
    const changed = await downTo(api, 20, '1.2');
    expect(changed.snapshot.alerts.fired).toEqual([{ threshold: 20, at: changed.entry.at }]);

    const changedAvailable = changed.snapshot.credits.available;
    await stream.nextOf<AlertEvent>('alert', (alert) => alert.available === changedAvailable);
    expect(stream.all<AlertEvent>('alert')).toEqual([
      { threshold: 20, at, available: '913.1' },
      {
        threshold: 20,
        at: renewed.entry.at,
        available: renewed.snapshot.credits.available,
      },
      { threshold: 20, at: changed.entry.at, available: changedAvailable },
    ]);
  } finally {
    stream.close();
  }
});

test('an alert commits with its change: none for a refused debit, none again for a replay', async () => {
  expect((await clock(server(), { now: '2027-06-01T09:00:00.000Z' })).status).toBe(200);
  const { api, token } = await soleAdmin(server());
  const stream = await openStream(server(), token);
  try {
    // 1,200 Lifestyle Crops (4,920 credits) need overage: refused, nothing fired or kept.
    const refused = await api.post('/v1/usage', { operation: 'lifestyle-crop', quantity: 1200 });
    expect(refused.status).toBe(402);
    expect((await api.get('/v1/me')).body.alerts.fired).toEqual([]);
    expect(await allEntries(api)).toHaveLength(1);

    // 3,340 Smart Crops (4,342 credits) leave 228: past 20 % (914) and 5 % (228.5) at once.
    const body = { operation: 'smart-crop', quantity: 3340 };
    const crossing = await api.post('/v1/usage', body, 'cross-both');
    const at = crossing.body.entry.at;
    expect(crossing.body.snapshot.alerts.fired).toEqual([
      { threshold: 20, at },
      { threshold: 5, at },
    ]);
    const usage = (await allEntries(api)).filter((entry) => entry.kind === 'usage');
    expect(usage.map((entry) => entry.at)).toEqual([at]);
    const replay = await api.post('/v1/usage', body, 'cross-both');
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(crossing.body);

    // 176 Smart Crops with overage take the last 228: exhausted, the stream's next alert.
    const last = { operation: 'smart-crop', quantity: 176, overage: 'accept' };
    expect((await api.post('/v1/usage', last)).status).toBe(201);
    await stream.nextOf<AlertEvent>('alert', (alert) => alert.threshold === 'exhausted');
    expect(stream.all<AlertEvent>('alert').map((alert) => alert.threshold)).toEqual([
      20,
      5,
      'exhausted',
    ]);
    expect((await api.get('/v1/me')).body.alerts.fired.map((f: AlertEvent) => f.threshold)).toEqual(
      [20, 5, 'exhausted'],
    );
  } finally {
    stream.close();
  }
});

test('PUT /v1/alerts: whole percentages 1 to 99, each once, at most 5; anything else is 400', async () => {
  const { ada } = await twoAccounts(server());
  for (const thresholds of [[0], [100], [1.5], [20, 20], [1, 2, 3, 4, 5, 6], '20', ['20']]) {
    const answer = await ada.api.put('/v1/alerts', { thresholds });
    expect(answer.status, JSON.stringify(thresholds)).toBe(400);
    expect(answer.body.error.code).toBe('invalid_request');
  }
  const extra = await ada.api.put('/v1/alerts', { thresholds: [20], sound: true });
  expect(extra.status).toBe(400);
  const none = await ada.api.put('/v1/alerts', { thresholds: [] });
  expect(none.status).toBe(200);
  expect(none.body.alerts.thresholds).toEqual([]);
});

test('PUT /v1/alerts is for admins: a member gets 403 and the thresholds stay', async () => {
  const { ada, milo } = await twoAccounts(server());
  const answer = await milo.api.put('/v1/alerts', { thresholds: [50] });
  expect(answer.status).toBe(403);
  expect(answer.body.error.code).toBe('forbidden');
  expect((await ada.api.get('/v1/me')).body.alerts.thresholds).toEqual([20, 5]);
});

test('the admin’s thresholds fire; a new set keeps what fired and arms only what is new', async () => {
  const { ada } = await twoAccounts(server());
  const set = await ada.api.put('/v1/alerts', { thresholds: [10, 50] });
  expect(set.status).toBe(200);
  expect(set.body.alerts).toEqual({ thresholds: [50, 10], fired: [] });
  // 2,000 Smart Crops leave 1,970 (≤ 2,285, 50 %).
  const half = await ada.api.post('/v1/usage', { operation: 'smart-crop', quantity: 2000 });
  expect(half.body.snapshot.alerts.fired).toEqual([{ threshold: 50, at: half.body.entry.at }]);
  // 45 % is 2,056.5: already below it, it fires at the next debit; 50 % does not fire again.
  const reset = await ada.api.put('/v1/alerts', { thresholds: [50, 45] });
  expect(reset.body.alerts.fired).toEqual([{ threshold: 50, at: half.body.entry.at }]);
  const next = await ada.api.post('/v1/usage', { operation: 'smart-crop', quantity: 1 });
  expect(next.body.snapshot.alerts.fired).toEqual([
    { threshold: 50, at: half.body.entry.at },
    { threshold: 45, at: next.body.entry.at },
  ]);
});

test('a stream resumed with Last-Event-ID hears the alerts it missed; a new stream only later ones', async () => {
  const { api, token } = await soleAdmin(server());
  const before = (await api.get('/v1/me')).body.version;
  const crossing = await api.post('/v1/usage', { operation: 'smart-crop', quantity: 2813 });
  const resumed = await openStream(server(), token, String(before));
  const fresh = await openStream(server(), token);
  try {
    const missed = await resumed.nextOf<AlertEvent>('alert', () => true);
    expect(missed).toEqual({ threshold: 20, at: crossing.body.entry.at, available: '913.1' });
    await fresh.next(() => true);
    // 530 more Smart Crops leave 224.1 (≤ 228.5): the fresh stream's first alert is 5 %.
    expect((await api.post('/v1/usage', { operation: 'smart-crop', quantity: 530 })).status).toBe(
      201,
    );
    await fresh.nextOf<AlertEvent>('alert', () => true);
    expect(fresh.all<AlertEvent>('alert').map((alert) => alert.threshold)).toEqual([5]);
  } finally {
    resumed.close();
    fresh.close();
  }
});
