// docs/billing.md "Decisions made explicit" that no other test states on its own.
import { describe, expect, test } from 'vitest';
import { apply, openAccount } from '../../lib/billing/account.ts';
import { demoCatalog } from '../../lib/billing/catalog.ts';
import { admin, LedgerBook } from './ledger-book.ts';

const start = '2026-10-02T00:00:00.000Z';
const lifestyleCrop = {
  kind: 'usage',
  memberId: 'milo',
  operation: 'lifestyle-crop',
  quantity: 1,
  overage: 'accept',
} as const;

/** Growth spent to exactly 0: 3,496 × 1.3 + 9 × 2.8 = 4,570. */
function exhausted(): LedgerBook {
  const book = new LedgerBook('growth', start);
  const use = (operation: string, quantity: number) =>
    book.apply(
      { kind: 'usage', memberId: 'milo', operation, quantity, overage: 'deny' },
      '2026-10-03T00:00:00Z',
    );
  use('smart-crop', 3496);
  use('background-removal', 9);
  expect(book.state.credits.available).toBe('0');
  return book;
}

describe('decision 2: the cycle’s overage counters', () => {
  test('are kept at a switch to free and reset at a change to a paid plan', () => {
    const book = exhausted();
    book.apply(lifestyleCrop, '2026-10-04T00:00:00Z');
    expect(book.state.overage).toMatchObject({ creditsThisCycle: '4.1', usdThisCycle: '0.41' });
    book.apply({ kind: 'change-plan', ...admin, planId: 'free' }, '2026-10-05T00:00:00Z');
    expect(book.state.overage).toMatchObject({ creditsThisCycle: '4.1', usdThisCycle: '0.41' });
    book.apply({ kind: 'change-plan', ...admin, planId: 'starter' }, '2026-10-06T00:00:00Z');
    expect(book.state.overage).toMatchObject({ creditsThisCycle: '0', usdThisCycle: '0.00' });
  });
});

describe('decision 6: a hold that expires at the instant of a renewal', () => {
  test('expires first: its credits return, then expire with the rest', () => {
    const book = new LedgerBook('growth', start);
    book.apply(
      {
        kind: 'reserve',
        memberId: 'milo',
        holdId: 'h1',
        operation: 'smart-crop',
        quantity: 10,
        overage: 'deny',
        ttlSeconds: 600,
      },
      '2026-11-01T23:50:00.000Z',
    );
    const settled = book.apply({ kind: 'settle' }, '2026-11-02T01:00:00.000Z');
    expect(settled.entries.map((entry) => [entry.at, entry.kind, entry.credits])).toEqual([
      ['2026-11-02T00:00:00.000Z', 'release', '13'],
      ['2026-11-02T00:00:00.000Z', 'expiry', '-4570'],
      ['2026-11-02T00:00:00.000Z', 'grant', '4570'],
    ]);
    expect(book.state.credits).toMatchObject({ held: '0', granted: '4570' });
  });
});

describe('decision 7: an overage that rounds to $0.00', () => {
  test('still needs consent, and once consented writes no charge', () => {
    // 1.26 available, one Smart Crop (1.3): 0.04 overage credits × $0.10 = $0.004 → $0.00.
    const opened = openAccount(
      { id: 'a1', name: 'Studio', planId: 'growth', startAt: start },
      demoCatalog,
    ).state;
    const state = {
      ...opened,
      credits: { available: '1.26', held: '0', granted: '4570', used: '4568.74' },
    };
    const usage = {
      kind: 'usage',
      memberId: 'milo',
      operation: 'smart-crop',
      quantity: 1,
    } as const;
    const asked = apply(state, { ...usage, overage: 'deny' }, '2026-10-03T00:00:00Z', demoCatalog);
    expect(!asked.ok && asked.refusal).toMatchObject({
      code: 'overage_required',
      quote: { outcome: 'overage', overageCredits: '0.04', overageUsd: '0.00' },
    });
    const paid = apply(state, { ...usage, overage: 'accept' }, '2026-10-03T00:00:00Z', demoCatalog);
    expect(paid.ok && paid.entries).toMatchObject([
      { kind: 'usage', overageCredits: '0.04', amountUsd: '0.00' },
    ]);
    expect(paid.charges).toEqual([]);
  });
});
