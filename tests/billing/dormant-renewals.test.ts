// docs/billing.md decision 9: lazy renewal stays bounded. A start is at most 12 months back; a
// dormant account's empty renewals past a year are one step that adds up like the separate ones.
import { describe, expect, test } from 'vitest';
import { openAccount } from '../../lib/billing/account.ts';
import { demoCatalog } from '../../lib/billing/catalog.ts';
import { addMonths } from '../../lib/billing/cycle.ts';
import { parseUsd, sumDecimals } from '../../lib/billing/decimal.ts';
import { LedgerBook, reserve } from './ledger-book.ts';

const now = '2026-10-02T09:00:00.000Z';
const open = (startAt: string) =>
  openAccount({ id: 'a1', name: 'Studio', planId: 'growth', startAt }, demoCatalog, now);

describe('how far back an account may start', () => {
  test('12 months back is the limit, to the millisecond', () => {
    expect(open('2025-10-02T09:00:00.000Z').state.cycle.anchor).toBe('2025-10-02T09:00:00.000Z');
    expect(() => open('2025-10-02T08:59:59.999Z')).toThrow(/more than 12 months in the past/);
    expect(() => open('0001-01-01T00:00:00.000Z')).toThrow(/more than 12 months in the past/);
  });
});

const usage = { kind: 'usage', memberId: 'ada', operation: 'smart-crop', overage: 'deny' } as const;
const total = (book: LedgerBook) => sumDecimals(book.charges.map((c) => parseUsd(c.amountUsd)));

describe('catching up a dormant account', () => {
  test('a thousand years of dormancy is four entries and the same money as 12,000 renewals', () => {
    const book = new LedgerBook('growth', '2026-01-31T23:30:00.000Z');
    book.apply({ ...usage, quantity: 100 }, '2026-02-01T00:00:00Z');
    const applied = book.apply({ kind: 'settle' }, '3026-02-15T00:00:00.000Z');
    expect(applied.entries.map((entry) => [entry.at, entry.kind, entry.credits])).toEqual([
      ['2026-02-28T23:30:00.000Z', 'expiry', '-4440'],
      ['2026-02-28T23:30:00.000Z', 'grant', '4570'],
      ['3026-01-31T23:30:00.000Z', 'expiry', '-4570'],
      ['3026-01-31T23:30:00.000Z', 'grant', '4570'],
    ]);
    expect(applied.entries[3]?.description).toMatch(/11,999 terms without activity/);
    // Each entry names its plan; the two written once for the terms at rest say how many.
    expect(applied.entries.map((entry) => [entry.planId, entry.terms])).toEqual([
      ['growth', undefined],
      ['growth', undefined],
      ['growth', 11_999],
      ['growth', 11_999],
    ]);
    expect(book.state.cycle.term).toBe(12_000);
    expect(book.state.credits).toEqual({
      available: '4570',
      held: '0',
      granted: '4570',
      used: '0',
    });
    // The opening charge, then one per term: 12,001 × $250.
    expect(total(book).toFixed(2)).toBe('3000250.00');
  });

  test('settled at once or month by month, any gap ends in the same state, ledger and money', () => {
    for (const months of [1, 3, 12, 13, 14, 30]) {
      const anchor = '2026-01-31T23:30:00.000Z';
      const atOnce = new LedgerBook('growth', anchor);
      const stepwise = new LedgerBook('growth', anchor);
      for (const book of [atOnce, stepwise]) {
        book.apply({ ...usage, quantity: 100 }, '2026-02-01T00:00:00Z');
      }
      const end = addMonths(anchor, months);
      atOnce.apply({ kind: 'settle' }, end);
      for (let k = 1; k <= months; k += 1) {
        stepwise.apply({ kind: 'settle' }, addMonths(anchor, k));
      }
      const { version: _a, ...once } = atOnce.state;
      const { version: _b, ...step } = stepwise.state;
      expect(once, `${months} months`).toEqual(step);
      expect(total(atOnce).equals(total(stepwise)), `${months} months`).toBe(true);
      expect(atOnce.entries.at(-1)?.availableAfter).toBe(stepwise.entries.at(-1)?.availableAfter);
    }
  });

  test('a hold that expires in the gap returns its credits before the terms are collapsed', () => {
    const book = new LedgerBook('growth', '2026-01-31T23:30:00.000Z');
    book.apply(reserve('h1', 10), '2026-02-28T23:00:00.000Z');
    book.apply({ kind: 'settle' }, '2030-01-01T00:00:00.000Z');
    expect(book.holds.get('h1')?.status).toBe('expired');
    expect(book.state.credits).toEqual({
      available: '4570',
      held: '0',
      granted: '4570',
      used: '0',
    });
  });
});
