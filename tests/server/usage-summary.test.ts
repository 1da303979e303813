// GET /v1/usage/summary: grouped usage in exact decimals whose totals are the ledger's.
import { expect, test } from 'vitest';
import type { UsageGroup } from '../../lib/api/schemas/team.ts';
import { Decimal } from '../../lib/billing/decimal.ts';
import { accountWith100, twoAccounts } from './accounts.ts';
import { allEntries } from './http.ts';
import { serverPerFile } from './server-per-file.ts';

const server = serverPerFile();

function totals(groups: UsageGroup[]) {
  return {
    count: groups.reduce((n, g) => n + g.count, 0),
    credits: groups.reduce((sum, g) => sum.plus(g.credits), new Decimal(0)).toString(),
    overageCredits: groups
      .reduce((sum, g) => sum.plus(g.overageCredits), new Decimal(0))
      .toString(),
    amountUsd: groups.reduce((sum, g) => sum.plus(g.amountUsd), new Decimal(0)).toFixed(2),
  };
}

test('the totals of every grouping equal the ledger’s usage and captures, and the Snapshot', async () => {
  const { api } = await accountWith100(server());
  // Overage: 100 available, 30 Lifestyle Crops = 123 credits → 23 overage = $2.30.
  expect(
    (await api.post('/v1/usage', { operation: 'lifestyle-crop', quantity: 30, overage: 'accept' }))
      .status,
  ).toBe(201);
  const hold = await api.post('/v1/holds', {
    operation: 'smart-crop',
    quantity: 10,
    overage: 'accept',
  });
  expect(hold.status).toBe(201);
  expect((await api.post(`/v1/holds/${hold.body.hold.id}/capture`, { quantity: 4 })).status).toBe(
    200,
  );

  const entries = await allEntries(api);
  const holdCredits = new Map<string, string>(
    entries.filter((e) => e.kind === 'hold').map((e) => [e.holdId, e.credits]),
  );
  const used = entries.filter((e) => e.kind === 'usage' || e.kind === 'capture');
  const ledger = {
    count: used.reduce((n, e) => n + e.quantity, 0),
    credits: used
      .reduce(
        (sum, e) =>
          sum.minus(e.credits).minus(e.kind === 'capture' ? holdCredits.get(e.holdId) : 0),
        new Decimal(0),
      )
      .toString(),
    overageCredits: used.reduce((sum, e) => sum.plus(e.overageCredits), new Decimal(0)).toString(),
    amountUsd: used.reduce((sum, e) => sum.plus(e.amountUsd), new Decimal(0)).toFixed(2),
  };
  expect(ledger).toEqual({
    count: 3469,
    credits: '4570',
    overageCredits: '28.2',
    amountUsd: '2.82',
  });

  for (const by of ['day', 'operation', 'member', 'day,operation']) {
    const summary = await api.get(`/v1/usage/summary?by=${encodeURIComponent(by)}`);
    expect(summary.status).toBe(200);
    expect(totals(summary.body.groups)).toEqual(ledger);
  }
  const me = (await api.get('/v1/me')).body;
  expect(me.credits.used).toBe(ledger.credits);
  expect(me.overage.usdThisCycle).toBe(ledger.amountUsd);
});

test('by operation: one group per operation, exact decimals', async () => {
  const { ada } = await twoAccounts(server());
  await ada.api.post('/v1/usage', { operation: 'smart-crop', quantity: 7 });
  await ada.api.post('/v1/usage', { operation: 'background-removal', quantity: 3 });
  const summary = await ada.api.get('/v1/usage/summary?by=operation');
  expect(summary.body.groups).toEqual([
    {
      operation: 'background-removal',
      count: 3,
      credits: '8.4',
      overageCredits: '0',
      amountUsd: '0.00',
    },
    { operation: 'smart-crop', count: 7, credits: '9.1', overageCredits: '0', amountUsd: '0.00' },
  ]);
});

test('a member sees only its own usage; an admin the account’s, by member', async () => {
  const { ada, milo } = await twoAccounts(server());
  await ada.api.post('/v1/usage', { operation: 'smart-crop', quantity: 1 });
  await milo.api.post('/v1/usage', { operation: 'smart-crop', quantity: 2 });
  const miloId = (await milo.api.get('/v1/me')).body.member.id;
  const own = await milo.api.get('/v1/usage/summary?by=member');
  expect(own.body.groups).toEqual([
    { memberId: miloId, count: 2, credits: '2.6', overageCredits: '0', amountUsd: '0.00' },
  ]);
  const all = await ada.api.get('/v1/usage/summary?by=member');
  expect(totals(all.body.groups).count).toBe(3);
});

test('a range outside the usage has no groups; a reversed range is 400', async () => {
  const { ada } = await twoAccounts(server());
  await ada.api.post('/v1/usage', { operation: 'smart-crop', quantity: 1 });
  const empty = await ada.api.get(
    '/v1/usage/summary?by=day&from=2020-01-01T00:00:00.000Z&to=2020-02-01T00:00:00.000Z',
  );
  expect(empty.body).toEqual({
    from: '2020-01-01T00:00:00.000Z',
    to: '2020-02-01T00:00:00.000Z',
    groups: [],
  });
  const reversed = await ada.api.get(
    '/v1/usage/summary?from=2020-02-01T00:00:00.000Z&to=2020-01-01T00:00:00.000Z',
  );
  expect(reversed.status).toBe(400);
  expect((await ada.api.get('/v1/usage/summary?by=week')).status).toBe(400);
});
