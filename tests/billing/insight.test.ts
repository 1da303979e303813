import { describe, expect, test } from 'vitest';
import { demoCatalog, findPlan } from '../../lib/billing/catalog.ts';
import { Decimal } from '../../lib/billing/decimal.ts';
import { type InsightInput, insightOf } from '../../lib/billing/insight.ts';

interface Use {
  at: string;
  operation: string;
  quantity: number;
  credits: string;
  overageCredits: string;
}

const growth = findPlan(demoCatalog, 'growth');
const term = { start: '2026-11-02T09:00:00.000Z', end: '2026-12-02T09:00:00.000Z' };

/** The term's tally of these uses, as the account keeps it. */
function tallied(used: Use[]): InsightInput['usage'] {
  const counts: Record<string, number> = {};
  const days = new Map<string, Decimal>();
  for (const use of used) {
    counts[use.operation] = (counts[use.operation] ?? 0) + use.quantity;
    const day = use.at.slice(0, 10);
    const credits = new Decimal(use.credits).plus(use.overageCredits);
    days.set(day, (days.get(day) ?? new Decimal(0)).plus(credits));
  }
  const sorted = [...days].sort(([a], [b]) => a.localeCompare(b));
  return {
    term: 'growth',
    counts,
    days: sorted.map(([day, credits]) => ({ day, credits: credits.toString() })),
  };
}

function on({ used, ...input }: Partial<InsightInput> & { used: Use[] }): InsightInput {
  return {
    now: '2026-11-12T09:00:00.000Z',
    term,
    available: '4570',
    plan: growth,
    plans: demoCatalog.plans,
    usage: tallied(used),
    ...input,
  };
}

const use = (
  at: string,
  operation: string,
  quantity: number,
  credits: string,
  overageCredits = '0',
) => ({
  at,
  operation,
  quantity,
  credits,
  overageCredits,
});

describe('insight (BILLING.md, Insight)', () => {
  // Growth, 10 days into a 30-day term: 300 Smart Crops on Nov 3, 500 Background Removals on
  // Nov 8, 100 Lifestyle Crops on Nov 11: 2,200 credits used, 2,370 left.
  const steady = on({
    available: '2370',
    used: [
      use('2026-11-03T10:00:00.000Z', 'smart-crop', 300, '390'),
      use('2026-11-08T10:00:00.000Z', 'background-removal', 500, '1400'),
      use('2026-11-11T10:00:00.000Z', 'lifestyle-crop', 100, '410'),
    ],
  });

  // The pace reads Nov 5 (the day of Nov 5 09:00) to now: 7.375 days, Nov 3's use left out.
  test('pace: from the UTC day a week ago (1,810 credits / 7.375 days = 245.424 a day)', () => {
    expect(insightOf(steady).pacePerDay).toBe('245.424');
  });

  test('runs out: now + available / pace, to the second, rounded down (Nov 22 00:45:44)', () => {
    // 2370 / (1810 / 7.375) days = 834,344.75… s = 9 days 15 h 45 min 44 s
    expect(insightOf(steady).runsOutAt).toBe('2026-11-22T00:45:44.000Z');
  });

  test('projected term usage: counts × 30/10 on the current rates (900, 1,500, 300 → 6,600)', () => {
    expect(insightOf(steady).projectedCredits).toBe('6600');
  });

  test('no advice when no plan is at least $1.00 cheaper (Growth $453.00, Scale $500.00)', () => {
    expect(insightOf(steady).advice).toBeNull();
  });

  test('advice: 2,000 Background Removals in 10 days → Scale $1,000.00 against Growth $1,473.00', () => {
    const heavy = on({
      available: '0',
      used: [use('2026-11-10T10:00:00.000Z', 'background-removal', 2000, '4570', '1030')],
    });
    const insight = insightOf(heavy);
    // 5,600 credits over 7.375 days.
    expect(insight.pacePerDay).toBe('759.322');
    expect(insight.advice).toEqual({
      planId: 'scale',
      projectedUsd: '1000.00',
      currentProjectedUsd: '1473.00',
      savesUsd: '473.00',
    });
    // Nothing left: the credits have run out now.
    expect(insight.runsOutAt).toBe('2026-11-12T09:00:00.000Z');
  });

  test('nothing before 24 hours of the term; from exactly 24 hours on, everything', () => {
    const early = on({
      now: '2026-11-03T08:59:59.999Z',
      used: [use('2026-11-02T10:00:00.000Z', 'smart-crop', 10, '13')],
    });
    expect(insightOf(early)).toEqual({
      pacePerDay: null,
      runsOutAt: null,
      projectedCredits: null,
      advice: null,
    });
    const day = insightOf({ ...early, now: '2026-11-03T09:00:00.000Z' });
    expect(day.pacePerDay).toBe('13');
    expect(day.projectedCredits).toBe('390');
  });

  test('a run-out after the renewal is not shown', () => {
    const slow = on({ used: [use('2026-11-11T10:00:00.000Z', 'smart-crop', 10, '13')] });
    expect(insightOf(slow).pacePerDay).toBe('1.763');
    expect(insightOf(slow).runsOutAt).toBeNull();
  });

  test('a plan without overage is advised only if the projection fits in its credits', () => {
    const starter = findPlan(demoCatalog, 'starter');
    const light = on({
      plan: starter,
      available: '1698.7',
      used: [use('2026-11-11T10:00:00.000Z', 'smart-crop', 1, '1.3')],
    });
    // 3 Smart Crops a term fit Free's 25 credits: $0.00 against Starter's $100.00.
    expect(insightOf(light).advice).toMatchObject({ planId: 'free', savesUsd: '100.00' });
    const more = on({
      plan: starter,
      available: '1687',
      used: [use('2026-11-11T10:00:00.000Z', 'smart-crop', 10, '13')],
    });
    // 30 Smart Crops (39 credits) do not fit Free, which has no overage: nothing cheaper.
    expect(insightOf(more).advice).toBeNull();
  });
});
