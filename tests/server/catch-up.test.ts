// docs/billing.md decision 9 over HTTP: no start more than 12 months back, and a catch-up of any
// length (a dev-clock jump of centuries) is answered at once.
import { expect, test } from 'vitest';
import { Decimal } from '../../lib/billing/index.ts';
import { createAccount } from '../support/server.ts';
import { allCharges, client, clock } from './http.ts';
import { serverPerFile } from './server-per-file.ts';

const server = serverPerFile({ devClock: true });

test('an account cannot start more than 12 months back: 400 naming startAt', async () => {
  await clock(server(), { now: '2026-05-01T00:00:00.000Z' });
  const operator = client(server(), server().operatorKey);
  const answer = await operator.post('/v1/accounts', {
    name: 'Ancient',
    planId: 'growth',
    startAt: '0001-01-01T00:00:00.000Z',
  });
  expect(answer.status).toBe(400);
  expect(answer.body.error.details).toMatchObject({
    reason: 'start_too_early',
    issues: [{ path: 'startAt' }],
  });
  const yearBack = await operator.post('/v1/accounts', {
    name: 'Last year',
    planId: 'growth',
    startAt: '2025-05-01T00:00:00.000Z',
  });
  expect(yearBack.status).toBe(201);
});

test('a thousand years on the dev clock: the next read renews in one go, the totals exact', async () => {
  await clock(server(), { now: '2026-06-01T00:00:00.000Z' });
  const { members } = await createAccount(server(), {
    planId: 'growth',
    members: [{ name: 'Ada', role: 'admin' }],
  });
  const ada = client(server(), members[0]!.token);
  expect((await clock(server(), { advance: 'P1000Y' })).body.now).toBe('3026-06-01T00:00:00.000Z');
  const me = await ada.get('/v1/me');
  expect(me.status).toBe(200);
  expect(me.body.cycle).toEqual({
    start: '3026-06-01T00:00:00.000Z',
    end: '3026-07-01T00:00:00.000Z',
  });
  const charges = await allCharges(ada);
  const total = charges.reduce(
    (sum: Decimal, charge: { amountUsd: string }) => sum.plus(charge.amountUsd),
    new Decimal(0),
  );
  // The opening month and 12,000 renewals at $250, in at most four charges.
  expect(charges.length).toBeLessThanOrEqual(4);
  expect(total.toFixed(2)).toBe('3000250.00');
});
