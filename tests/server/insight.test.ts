// The Snapshot's insight over HTTP, on the dev clock: a steady pace gives docs/billing.md's pace,
// run-out and advice, from the usage tally the account keeps with each change.
import { expect, test } from 'vitest';
import { soleAdmin } from './accounts.ts';
import { clock } from './http.ts';
import { serverPerFile } from './server-per-file.ts';

const server = serverPerFile({ devClock: true });

// 1,000 Smart Crops (1,300 credits) a day on Growth (4,570 credits), from Mar 1 09:00.
const day = { operation: 'smart-crop', quantity: 1000 };

test('a steady 1,300 credits a day: pace 1,300, run-out 12 h 22 min 9 s after day 3, Scale advised', async () => {
  expect((await clock(server(), { now: '2027-03-01T09:00:00.000Z' })).status).toBe(200);
  const { api } = await soleAdmin(server());
  const first = await api.post('/v1/usage', day);
  expect(first.status).toBe(201);
  // Less than 24 hours into the term: no insight yet.
  expect(first.body.snapshot.insight).toEqual({
    pacePerDay: null,
    runsOutAt: null,
    projectedCredits: null,
    advice: null,
  });
  for (const _ of [2, 3]) {
    expect((await clock(server(), { advance: 'P1D' })).status).toBe(200);
    expect((await api.post('/v1/usage', day)).status).toBe(201);
  }
  expect((await clock(server(), { advance: 'P1D' })).status).toBe(200);

  const me = (await api.get('/v1/me')).body;
  expect(me.credits.available).toBe('670');
  // 3,900 credits over the 3 days since the term began.
  expect(me.insight.pacePerDay).toBe('1300');
  // 670 / 1,300 days = 44,529.2 s, rounded down: Mar 4 09:00 + 12 h 22 min 9 s.
  expect(me.insight.runsOutAt).toBe('2027-03-04T21:22:09.000Z');
  // 3,000 Smart Crops in 3 of the term's 31 days → 31,000 × 1.3.
  expect(me.insight.projectedCredits).toBe('40300');
  // Growth $250 + 35,730 × $0.10 overage; Scale $500 + (37,200 − 10,000) × $0.10.
  expect(me.insight.advice).toEqual({
    planId: 'scale',
    projectedUsd: '3220.00',
    currentProjectedUsd: '3823.00',
    savesUsd: '603.00',
  });
});

test('the pace reads exactly the last 7 × 24 h, to the entry; a slow pace runs out after the renewal', async () => {
  expect((await clock(server(), { now: '2027-06-01T12:00:00.000Z' })).status).toBe(200);
  const { api } = await soleAdmin(server());
  const crops = async (quantity: number) =>
    expect((await api.post('/v1/usage', { operation: 'smart-crop', quantity })).status).toBe(201);
  // Jun 1 12:00: 130 credits; Jun 3 10:00: 26; Jun 3 20:00: 39; Jun 10 12:00: 13.
  await crops(100);
  expect((await clock(server(), { advance: 'P1DT22H' })).status).toBe(200);
  await crops(20);
  expect((await clock(server(), { advance: 'PT10H' })).status).toBe(200);
  await crops(30);
  expect((await clock(server(), { advance: 'P6DT16H' })).status).toBe(200);
  await crops(10);

  // Jun 10 15:00: the window is Jun 3 15:00 to now, so Jun 3 20:00 counts and 10:00 does not.
  expect((await clock(server(), { advance: 'PT3H' })).status).toBe(200);
  const at15 = (await api.get('/v1/me')).body.insight;
  expect(at15.pacePerDay).toBe('7.429'); // (39 + 13) / 7
  expect(at15.runsOutAt).toBeNull();
  // Jun 10 22:00: the window starts Jun 3 22:00, after the 39 credits of that day.
  expect((await clock(server(), { advance: 'PT7H' })).status).toBe(200);
  expect((await api.get('/v1/me')).body.insight.pacePerDay).toBe('1.857'); // 13 / 7
});
