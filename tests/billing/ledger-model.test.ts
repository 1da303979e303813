// Model-based test (TigerBeetle style): random sequences of everything an account goes through,
// with the ledger identity of docs/billing.md checked after every single step by LedgerBook.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { demoCatalog } from '../../lib/billing/catalog.ts';
import { Decimal } from '../../lib/billing/decimal.ts';
import type { Command, OverageChoice, Role } from '../../lib/billing/types.ts';
import { LedgerBook } from './ledger-book.ts';

type Action =
  | { kind: 'usage'; operation: string; quantity: number; overage: OverageChoice }
  | {
      kind: 'reserve';
      operation: string;
      quantity: number;
      overage: OverageChoice;
      ttlSeconds: number;
    }
  | { kind: 'capture'; pick: number; fraction: number | null }
  | { kind: 'release'; pick: number }
  | { kind: 'change-plan'; planId: string; role: Role }
  | { kind: 'set-overage-policy'; policy: 'ask' | 'auto'; capUsd: string | null }
  | { kind: 'wait'; seconds: number };

const operation = fc.constantFrom(...demoCatalog.operations.map((candidate) => candidate.id));
const choice = fc.constantFrom<OverageChoice>('deny', 'accept');
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('usage' as const),
    operation,
    quantity: fc.integer({ min: 1, max: 800 }),
    overage: choice,
  }),
  fc.record({
    kind: fc.constant('reserve' as const),
    operation,
    quantity: fc.integer({ min: 1, max: 800 }),
    overage: choice,
    ttlSeconds: fc.integer({ min: 1, max: 3600 }),
  }),
  fc.record({
    kind: fc.constant('capture' as const),
    pick: fc.nat(),
    fraction: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
  }),
  fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('change-plan' as const),
    planId: fc.constantFrom(...demoCatalog.plans.map((plan) => plan.id)),
    role: fc.constantFrom<Role>('admin', 'admin', 'member'),
  }),
  fc.record({
    kind: fc.constant('set-overage-policy' as const),
    policy: fc.constantFrom('ask' as const, 'auto' as const),
    capUsd: fc.option(
      fc
        .integer({ min: 0, max: 5000 })
        .map((cents) => new Decimal(cents).dividedBy(100).toString()),
    ),
  }),
  fc.record({
    kind: fc.constant('wait' as const),
    seconds: fc.oneof(fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 100 * 86_400 })),
  }),
);

function toCommand(step: Action, book: LedgerBook, holdIds: string[]): Command | null {
  switch (step.kind) {
    case 'usage':
      return { ...step, memberId: 'milo' };
    case 'reserve': {
      const holdId = `h${holdIds.length + 1}`;
      holdIds.push(holdId);
      return { ...step, memberId: 'milo', holdId };
    }
    case 'capture': {
      const holdId = holdIds[step.pick % Math.max(holdIds.length, 1)];
      if (!holdId) return null;
      const reserved = book.holds.get(holdId)?.quantity ?? 1;
      const quantity =
        step.fraction === null ? undefined : Math.max(1, Math.ceil(step.fraction * reserved));
      return quantity === undefined
        ? { kind: 'capture', memberId: 'milo', holdId }
        : { kind: 'capture', memberId: 'milo', holdId, quantity };
    }
    case 'release': {
      const holdId = holdIds[step.pick % Math.max(holdIds.length, 1)];
      return holdId ? { kind: 'release', memberId: 'milo', holdId } : null;
    }
    case 'change-plan':
      return { kind: 'change-plan', memberId: 'ada', role: step.role, planId: step.planId };
    case 'set-overage-policy':
      return {
        kind: 'set-overage-policy',
        memberId: 'ada',
        role: 'admin',
        policy: step.policy,
        capUsd: step.capUsd,
      };
    case 'wait':
      return null;
  }
}

describe('ledger model', () => {
  test('any sequence of usage, holds, captures, releases, plan changes and clock jumps keeps the ledger identity', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...demoCatalog.plans.map((plan) => plan.id)),
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.array(action, { minLength: 1, maxLength: 40 }),
        (planId, startMs, actions) => {
          // LedgerBook runs checkLedger (running sums, never negative, held = open holds,
          // available + held + used = granted, charges = billed dollars) after every step.
          const book = new LedgerBook(planId, new Date(startMs).toISOString());
          let nowMs = startMs;
          const holdIds: string[] = [];
          for (const step of actions) {
            if (step.kind === 'wait') nowMs += step.seconds * 1000;
            const command = toCommand(step, book, holdIds) ?? ({ kind: 'settle' } as const);
            const before = book.state;
            const applied = book.apply(command, new Date(nowMs).toISOString());
            if (applied.state.version === before.version) {
              expect(applied.state).toEqual(before);
              expect(applied.entries).toEqual([]);
            } else {
              expect(applied.state.version).toBe(before.version + 1);
            }
            for (const hold of applied.holds.filter(
              (candidate) => candidate.status === 'captured',
            )) {
              expect(Date.parse(hold.resolvedAt!)).toBeLessThan(Date.parse(hold.expiresAt));
            }
            for (const entry of applied.entries.filter(
              (candidate) => candidate.kind === 'capture',
            )) {
              const hold = book.holds.get(entry.holdId!)!;
              expect(new Decimal(entry.amountUsd).lessThanOrEqualTo(hold.overageUsd)).toBe(true);
            }
          }
          const { cycle } = book.state;
          expect(Date.parse(cycle.anchor)).toBeLessThanOrEqual(nowMs);
        },
      ),
      { numRuns: 150 },
    );
  });
});
