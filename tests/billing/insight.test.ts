import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { demoCatalog, findPlan } from '../../lib/billing/catalog.ts';
import { Decimal } from '../../lib/billing/decimal.ts';
import { type InsightInput, insightOf } from '../../lib/billing/insight.ts';
import { paceWindow } from '../../lib/billing/usage-tally.ts';

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

/** The credits of the uses in the pace window's slice of a day, as the ledger would sum them. */
function sliceOf(used: Use[], now: string): string {
  const { slice } = paceWindow(term.start, now);
  if (!slice) return '0';
  return used
    .filter(({ at }) => at >= slice.from && at < slice.to)
    .reduce((sum, use) => sum.plus(use.credits).plus(use.overageCredits), new Decimal(0))
    .toString();
}

function on({ used, ...input }: Partial<InsightInput> & { used: Use[] }): InsightInput {
  const now = input.now ?? '2026-11-12T09:00:00.000Z';
  return {
    now,
    term,
    available: '4570',
    plan: growth,
    plans: demoCatalog.plans,
    usage: tallied(used),
    sliceUsed: sliceOf(used, now),
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

describe('insight (docs/billing.md, Insight)', () => {
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

  // The pace reads Nov 5 09:00 to now: 7 days, Nov 3's use left out.
  test('pace: the last 7 × 24 hours (1,810 credits / 7 days = 258.571 a day)', () => {
    expect(insightOf(steady).pacePerDay).toBe('258.571');
  });

  test('runs out: now + available / pace, to the second, rounded down (Nov 21 12:58:40)', () => {
    // 2370 / (1810 / 7) days = 791,920.44… s = 9 days 3 h 58 min 40 s
    expect(insightOf(steady).runsOutAt).toBe('2026-11-21T12:58:40.000Z');
  });

  test('the window starts at now − 7 × 24 h to the millisecond, inside a UTC day', () => {
    // Nov 5 09:00 is the window's start: a use a millisecond before it is left out.
    const edge = on({
      used: [
        use('2026-11-05T08:59:59.999Z', 'smart-crop', 100, '130'),
        use('2026-11-05T09:00:00.000Z', 'smart-crop', 10, '13'),
        use('2026-11-05T23:00:00.000Z', 'smart-crop', 1, '1.3'),
        use('2026-11-06T00:00:00.000Z', 'smart-crop', 1, '1.3'),
      ],
    });
    expect(edge.sliceUsed).toBe('14.3');
    // (13 + 1.3 + 1.3) / 7 = 2.228571…
    expect(insightOf(edge).pacePerDay).toBe('2.229');
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
    // 5,600 credits over 7 days.
    expect(insight.pacePerDay).toBe('800');
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
    expect(insightOf(slow).pacePerDay).toBe('1.857');
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

describe('insight, properties over random terms of usage', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const startMs = Date.parse(term.start);
  const termMs = Date.parse(term.end) - startMs;
  const operations = ['smart-crop', 'background-removal', 'lifestyle-crop'] as const;
  /** A term's uses at random instants before `now`, on Growth's rates, with `now` itself. */
  const history = fc
    .record({
      nowMs: fc.integer({ min: 0, max: termMs - 1 }),
      uses: fc.array(
        fc.record({
          // Anywhere in the term so far, or within 12 hours of the window's start.
          nearWindowStart: fc.boolean(),
          offset: fc.integer({ min: 0, max: 1_000_000 }),
          shift: fc.integer({ min: -12 * 3600_000, max: 12 * 3600_000 }),
          operation: fc.constantFrom(...operations),
          quantity: fc.integer({ min: 1, max: 400 }),
        }),
        { maxLength: 40 },
      ),
    })
    .map(({ nowMs, uses }) => ({
      now: new Date(startMs + nowMs).toISOString(),
      used: uses.map(({ nearWindowStart, offset, shift, operation, quantity }) => {
        const near = nowMs - 7 * DAY + shift;
        const atMs =
          nearWindowStart && near >= 0 && near < nowMs
            ? near
            : Math.floor((offset / 1_000_001) * nowMs);
        return use(
          new Date(startMs + atMs).toISOString(),
          operation,
          quantity,
          new Decimal(growth.rates[operation]!).times(quantity).toString(),
        );
      }),
    }));

  /** docs/billing.md's projected term cost of a plan, worked out here on its own. */
  function projectedCost(planId: string, used: Use[], nowMs: number): Decimal | null {
    const plan = findPlan(demoCatalog, planId);
    const scale = new Decimal(termMs).dividedBy(nowMs - startMs);
    const credits = used
      .map(({ operation, quantity }) => new Decimal(plan.rates[operation]!).times(quantity))
      .reduce((sum, credit) => sum.plus(credit), new Decimal(0))
      .times(scale);
    const past = Decimal.max(0, credits.minus(plan.monthlyCredits));
    if (past.greaterThan(0) && !plan.allowsOverage) return null;
    return new Decimal(plan.priceUsd).plus(
      past.times(plan.overageUsdPerCredit).toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
    );
  }

  test('nothing before 24 hours; then the pace is the usage of [max(start, now − 7 d), now) over its days', () => {
    fc.assert(
      fc.property(history, ({ now, used }) => {
        const insight = insightOf(on({ now, used }));
        const nowMs = Date.parse(now);
        if (nowMs - startMs < DAY) {
          expect(insight).toEqual({
            pacePerDay: null,
            runsOutAt: null,
            projectedCredits: null,
            advice: null,
          });
          return;
        }
        const from = Math.max(startMs, nowMs - 7 * DAY);
        const inWindow = used
          .filter(({ at }) => Date.parse(at) >= from)
          .reduce((sum, { credits }) => sum.plus(credits), new Decimal(0));
        const pace = inWindow.times(DAY).dividedBy(nowMs - from);
        expect(insight.pacePerDay).toBe(pace.toDecimalPlaces(3, Decimal.ROUND_HALF_UP).toString());
        expect(insight.projectedCredits).toMatch(/^\d+(\.\d{1,3})?$/);
      }),
      { numRuns: 300 },
    );
  });

  test('advice names the cheapest plan, only when it saves at least $1.00, with exact figures', () => {
    fc.assert(
      fc.property(history, ({ now, used }) => {
        const nowMs = Date.parse(now);
        fc.pre(nowMs - startMs >= DAY);
        const { advice } = insightOf(on({ now, used }));
        const current = projectedCost('growth', used, nowMs) as Decimal;
        const others = demoCatalog.plans
          .filter(({ id }) => id !== 'growth')
          .map(({ id }) => ({ id, cost: projectedCost(id, used, nowMs) }))
          .filter((plan): plan is { id: string; cost: Decimal } => plan.cost !== null);
        const cheapest = others.reduce<{ id: string; cost: Decimal } | null>(
          (best, plan) => (best === null || plan.cost.lessThan(best.cost) ? plan : best),
          null,
        );
        if (cheapest === null || current.minus(cheapest.cost).lessThan(1)) {
          expect(advice).toBeNull();
          return;
        }
        expect(advice).toEqual({
          planId: cheapest.id,
          projectedUsd: cheapest.cost.toFixed(2),
          currentProjectedUsd: current.toFixed(2),
          savesUsd: current.minus(cheapest.cost).toFixed(2),
        });
      }),
      { numRuns: 300 },
    );
  });
});
