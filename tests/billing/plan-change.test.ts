import { describe, expect, test } from 'vitest';
import { demoCatalog } from '../../lib/billing/catalog.ts';
import { previewPlanChange } from '../../lib/billing/plan-change.ts';
import { admin, LedgerBook, member, reserve } from './ledger-book.ts';

/** Growth since Apr 2: renewed May 2 ($250), then used down to 400 credits on May 6. */
function growthWith400LeftOnMay6(): LedgerBook {
  const book = new LedgerBook('growth', '2026-04-02T09:00:00.000Z');
  const usage = { kind: 'usage' as const, memberId: 'ada', overage: 'deny' as const };
  book.apply({ ...usage, operation: 'lifestyle-crop', quantity: 1000 }, '2026-05-06T10:00:00.000Z');
  book.apply(
    { ...usage, operation: 'background-removal', quantity: 25 },
    '2026-05-06T10:05:00.000Z',
  );
  expect(book.state.credits.available).toBe('400');
  return book;
}

describe('changing to a paid plan (docs/billing.md example)', () => {
  const may8 = '2026-05-08T12:00:00.000Z';

  test('the preview of Growth → Starter on May 8: charge $100, 400 roll over, 2,100 after, renews June 8', () => {
    const book = growthWith400LeftOnMay6();
    expect(previewPlanChange(book.state, 'starter', may8, demoCatalog)).toEqual({
      from: 'growth',
      to: 'starter',
      chargeUsd: '100.00',
      rolledOverCredits: '400',
      creditsAfter: '2100',
      cycleAfter: { start: may8, end: '2026-06-08T12:00:00.000Z' },
      effectiveAt: may8,
    });
  });

  test('the change: $100 charged at once, 2,100 credits, May shows $250 + $100, next renewal June 8 at $100', () => {
    const book = growthWith400LeftOnMay6();
    const applied = book.apply({ kind: 'change-plan', ...admin, planId: 'starter' }, may8);
    expect(applied.ok).toBe(true);
    expect(book.state.planId).toBe('starter');
    expect(book.state.credits).toEqual({
      available: '2100',
      held: '0',
      granted: '2100',
      used: '0',
    });
    expect(book.state.cycle).toEqual({ anchor: may8, term: 0 });
    expect(book.chargesIn('2026-05')).toEqual(['250.00', '100.00']);
    expect(applied.entries.map((entry) => [entry.kind, entry.credits, entry.amountUsd])).toEqual([
      ['rollover', '0', '0.00'],
      ['plan-change', '1700', '100.00'],
    ]);
    expect(applied.entries[0]?.description).toContain(
      '400 credits rolled over from Growth to Starter',
    );
    expect(applied.entries.map((entry) => [entry.planId, entry.fromPlanId])).toEqual([
      ['starter', 'growth'],
      ['starter', 'growth'],
    ]);

    book.apply({ kind: 'settle' }, '2026-06-08T11:59:59.999Z');
    expect(book.chargesIn('2026-06')).toEqual([]);
    const renewed = book.apply({ kind: 'settle' }, '2026-06-08T12:00:00.000Z');
    expect(renewed.entries.map((entry) => entry.kind)).toEqual(['expiry', 'grant']);
    expect(book.chargesIn('2026-06')).toEqual(['100.00']);
    expect(book.state.credits.available).toBe('1700');
  });

  test('held credits roll over too and stay held', () => {
    const book = growthWith400LeftOnMay6();
    book.apply(reserve('h1', 10), '2026-05-08T11:55:00.000Z');
    const preview = previewPlanChange(book.state, 'starter', may8, demoCatalog);
    expect(preview).toMatchObject({ rolledOverCredits: '400', creditsAfter: '2100' });
    book.apply({ kind: 'change-plan', ...admin, planId: 'starter' }, may8);
    expect(book.state.credits).toEqual({
      available: '2087',
      held: '13',
      granted: '2100',
      used: '0',
    });
  });
});

describe('changing to the free plan', () => {
  test('credits kept until the term ends, no charge, anchor unchanged, then 25 credits at renewal', () => {
    const book = new LedgerBook('growth', '2026-10-02T00:00:00.000Z');
    const preview = previewPlanChange(book.state, 'free', '2026-10-20T00:00:00.000Z', demoCatalog);
    expect(preview).toMatchObject({
      chargeUsd: '0.00',
      rolledOverCredits: '0',
      creditsAfter: '4570',
      cycleAfter: { start: '2026-10-02T00:00:00.000Z', end: '2026-11-02T00:00:00.000Z' },
    });
    const applied = book.apply(
      { kind: 'change-plan', ...admin, planId: 'free' },
      '2026-10-20T00:00:00.000Z',
    );
    expect(applied.charges).toEqual([]);
    expect(book.state.planId).toBe('free');
    expect(book.state.cycle).toEqual({ anchor: '2026-10-02T00:00:00.000Z', term: 0 });
    expect(book.state.credits.available).toBe('4570');

    const used = book.apply(
      { kind: 'usage', memberId: 'ada', operation: 'smart-crop', quantity: 100, overage: 'deny' },
      '2026-10-25T00:00:00.000Z',
    );
    expect(used.ok).toBe(true);
    expect(book.state.credits.available).toBe('4440');

    const renewed = book.apply({ kind: 'settle' }, '2026-11-02T00:00:00.000Z');
    expect(renewed.entries.map((entry) => [entry.kind, entry.credits])).toEqual([
      ['expiry', '-4440'],
      ['grant', '25'],
    ]);
    expect(renewed.charges).toEqual([]);
    expect(book.state.credits.available).toBe('25');
    expect(book.chargesIn('2026-10')).toEqual(['250.00']);
  });

  test('credits after count the held credits, as a change to a paid plan does', () => {
    const book = new LedgerBook('growth', '2026-10-02T00:00:00.000Z');
    book.apply(reserve('h1', 10), '2026-10-20T00:00:00.000Z');
    const at = '2026-10-20T00:01:00.000Z';
    const toFree = previewPlanChange(book.state, 'free', at, demoCatalog);
    const toScale = previewPlanChange(book.state, 'scale', at, demoCatalog);
    // 4,557 available + 13 held: both stay the account's once the hold resolves.
    expect(toFree.creditsAfter).toBe('4570');
    expect(toScale.creditsAfter).toBe('14570');
  });

  test('the free plan allows no overage after the switch', () => {
    const book = new LedgerBook('free', '2026-10-02T00:00:00.000Z');
    const applied = book.apply(
      {
        kind: 'usage',
        memberId: 'ada',
        operation: 'lifestyle-crop',
        quantity: 7,
        overage: 'accept',
      },
      '2026-10-03T00:00:00.000Z',
    );
    expect(applied.ok).toBe(false);
    if (!applied.ok) expect(applied.refusal.code).toBe('overage_blocked');
  });
});

describe('who may change the plan, and to what', () => {
  test('a member is told to ask the admin, and nothing changes', () => {
    const book = new LedgerBook('growth', '2026-10-02T00:00:00.000Z');
    const applied = book.apply(
      { kind: 'change-plan', ...member, planId: 'scale' },
      '2026-10-03T00:00:00.000Z',
    );
    expect(applied.ok).toBe(false);
    if (!applied.ok) {
      expect(applied.refusal).toEqual({
        code: 'forbidden',
        message: 'Only an account admin can change the plan; ask your admin.',
      });
    }
    expect(book.state.planId).toBe('growth');
    expect(book.state.version).toBe(1);
  });

  test.each([
    ['the plan already held', 'growth', 'invalid_request'],
    ['an unknown plan', 'platinum', 'unknown_plan'],
  ])('changing to %s is refused', (_, planId, previewCode) => {
    const book = new LedgerBook('growth', '2026-10-02T00:00:00.000Z');
    expect(() =>
      previewPlanChange(book.state, planId, '2026-10-03T00:00:00.000Z', demoCatalog),
    ).toThrowError(expect.objectContaining({ code: previewCode }));
    const applied = book.apply(
      { kind: 'change-plan', ...admin, planId },
      '2026-10-03T00:00:00.000Z',
    );
    expect(!applied.ok && applied.refusal.code).toBe('invalid_request');
  });

  test('the preview applies renewals due first', () => {
    const book = new LedgerBook('growth', '2026-10-02T00:00:00.000Z');
    const preview = previewPlanChange(book.state, 'scale', '2026-12-05T00:00:00.000Z', demoCatalog);
    expect(preview).toMatchObject({
      rolledOverCredits: '4570',
      creditsAfter: '14570',
      chargeUsd: '500.00',
    });
  });
});
