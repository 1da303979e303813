// A charge is read by a person in the charges list: an overage charge must say it is overage,
// how many credits and at what price, not only what the operation cost in credits.
import { expect, test } from 'vitest';
import { LedgerBook } from './ledger-book.ts';

/** Growth with 2.0 credits left (3,488 × 1.3 + 12 × 2.8 = 4,568), as in docs/billing.md's example. */
function growthWith2Left(): LedgerBook {
  const book = new LedgerBook('growth', '2026-10-02T00:00:00.000Z');
  for (const [operation, quantity] of [
    ['smart-crop', 3488],
    ['background-removal', 12],
  ] as const) {
    book.apply(
      { kind: 'usage', memberId: 'milo', operation, quantity, overage: 'deny' },
      '2026-10-02T01:00:00Z',
    );
  }
  expect(book.state.credits.available).toBe('2');
  return book;
}

test('the overage charge of a usage names the overage credits and their price', () => {
  const book = growthWith2Left();
  const paid = book.apply(
    {
      kind: 'usage',
      memberId: 'milo',
      operation: 'lifestyle-crop',
      quantity: 1,
      overage: 'accept',
    },
    '2026-10-03T00:00:00Z',
  );
  expect(paid.charges).toHaveLength(1);
  const [charge] = paid.charges;
  expect(charge?.amountUsd).toBe('0.21');
  expect(charge?.description).toContain('Lifestyle Crop');
  expect(charge?.description).toContain('2.1 credits overage');
  expect(charge?.description).toContain('$0.21');
});

test('the overage charge of a capture names the overage credits and their price', () => {
  const book = growthWith2Left();
  book.apply(
    {
      kind: 'reserve',
      memberId: 'milo',
      holdId: 'h1',
      operation: 'lifestyle-crop',
      quantity: 2,
      overage: 'accept',
      ttlSeconds: 600,
    },
    '2026-10-03T00:00:00Z',
  );
  const captured = book.apply(
    { kind: 'capture', memberId: 'milo', holdId: 'h1', quantity: 1 },
    '2026-10-03T00:01:00Z',
  );
  expect(captured.charges).toHaveLength(1);
  const [charge] = captured.charges;
  // 1 × 4.1 = 2 held plan credits + 2.1 overage.
  expect(charge?.amountUsd).toBe('0.21');
  expect(charge?.description).toContain('Lifestyle Crop');
  expect(charge?.description).toContain('2.1 credits overage');
  expect(charge?.description).toContain('$0.21');
});

test('a usage covered by the plan says nothing about overage', () => {
  const book = new LedgerBook('growth', '2026-10-02T00:00:00.000Z');
  const used = book.apply(
    { kind: 'usage', memberId: 'milo', operation: 'smart-crop', quantity: 100, overage: 'deny' },
    '2026-10-03T00:00:00Z',
  );
  expect(used.charges).toEqual([]);
  expect(used.entries[0]?.description).not.toContain('overage');
});
