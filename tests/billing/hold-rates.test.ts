// docs/billing.md, Holds: a capture charges the overage part at the rates fixed when the hold was
// made, credit rate and overage rate alike, whatever plan the account moved to in between. A
// catalogue whose plans' overage rates differ makes a wrong rate show.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { apply, openAccount } from '../../lib/billing/account.ts';
import { demoCatalog } from '../../lib/billing/catalog.ts';
import { Decimal, minDecimal, roundCents } from '../../lib/billing/decimal.ts';
import type { AccountState, Catalog, Command } from '../../lib/billing/types.ts';

const overageRates: Record<string, string> = {
  free: '0.10',
  starter: '0.045',
  growth: '0.005',
  scale: '0.02',
};
const catalog: Catalog = {
  ...demoCatalog,
  plans: demoCatalog.plans.map((plan) => ({
    ...plan,
    overageUsdPerCredit: overageRates[plan.id] ?? plan.overageUsdPerCredit,
  })),
};
const start = '2026-10-02T00:00:00.000Z';
const at = (minute: number) => new Date(Date.parse(start) + minute * 60_000).toISOString();

function run(state: AccountState, command: Command, minute: number): AccountState {
  const applied = apply(state, command, at(minute), catalog);
  if (!applied.ok) throw new Error(`${command.kind} refused: ${applied.refusal.message}`);
  return applied.state;
}

/** Spends the plan to 0 with Smart Crops (1.3) and Background Removals (2.8); some are overage. */
function spentToZero(planId: string): AccountState {
  let state = openAccount({ id: 'a1', name: 'Studio', planId, startAt: start }, catalog).state;
  const usage = (operation: string, quantity: number): Command => ({
    kind: 'usage',
    memberId: 'ada',
    operation,
    quantity,
    overage: 'accept',
  });
  const available = new Decimal(state.credits.available);
  state = run(state, usage('smart-crop', available.dividedToIntegerBy('1.3').toNumber()), 1);
  if (!new Decimal(state.credits.available).isZero()) {
    state = run(state, usage('background-removal', 1), 2);
  }
  return state;
}

function holdThenCapture(from: string, to: string, quantity: number, captured: number) {
  let state = spentToZero(from);
  state = run(
    state,
    {
      kind: 'reserve',
      memberId: 'milo',
      holdId: 'h1',
      operation: 'background-removal',
      quantity,
      overage: 'accept',
    },
    3,
  );
  const hold = state.holds[0]!;
  state = run(state, { kind: 'change-plan', memberId: 'ada', role: 'admin', planId: to }, 4);
  const applied = apply(
    state,
    { kind: 'capture', memberId: 'milo', holdId: 'h1', quantity: captured },
    at(5),
    catalog,
  );
  if (!applied.ok) throw new Error(applied.refusal.message);
  return { hold, entry: applied.entries.at(-1)! };
}

describe('a capture after a plan change', () => {
  test('charges the overage rate of the plan the hold was made on (growth → starter, and back)', () => {
    // Growth spent to 0; 6 × 2.8 held with overage accepted ($0.08 at $0.005); capture 1.
    const down = holdThenCapture('growth', 'starter', 6, 1);
    expect(down.entry.overageCredits).toBe('2.8');
    expect(down.entry.amountUsd).toBe('0.01');
    // Starter's $0.045: 2.8 × 0.045 = 0.126 → $0.13, not growth's $0.01.
    const up = holdThenCapture('starter', 'growth', 6, 1);
    expect(up.entry.amountUsd).toBe('0.13');
  });

  test('for any plans and quantities: amount = min(round_cents(overage × hold rate), consented)', () => {
    const paid = ['starter', 'growth', 'scale'];
    fc.assert(
      fc.property(
        fc
          .tuple(fc.constantFrom(...paid), fc.constantFrom(...Object.keys(overageRates)))
          .filter(([from, to]) => from !== to),
        fc.integer({ min: 1, max: 400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ([from, to], quantity, fraction) => {
          const captured = Math.max(1, Math.round(quantity * fraction));
          const { hold, entry } = holdThenCapture(from, to, quantity, captured);
          expect(hold.overageUsdPerCredit).toBe(overageRates[from]);
          const expected = minDecimal(
            roundCents(new Decimal(entry.overageCredits).times(overageRates[from]!)),
            new Decimal(hold.overageUsd),
          );
          expect(new Decimal(entry.amountUsd).equals(expected)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
