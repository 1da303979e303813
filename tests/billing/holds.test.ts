import { describe, expect, test } from 'vitest';
import type { Command } from '../../lib/billing/types.ts';
import { LedgerBook, reserve } from './ledger-book.ts';

const start = '2026-10-02T00:00:00.000Z';
const capture = (holdId: string, quantity?: number): Command =>
  quantity === undefined
    ? { kind: 'capture', memberId: 'milo', holdId }
    : { kind: 'capture', memberId: 'milo', holdId, quantity };

describe('reserve, then capture', () => {
  test('reserve holds the plan credits; capture of fewer debits the actual amount and returns the rest', () => {
    const book = new LedgerBook('growth', start);
    const reserved = book.apply(reserve('h1', 10), '2026-10-03T10:00:00.000Z');
    expect(reserved.ok && reserved.effect).toMatchObject({
      kind: 'reserve',
      hold: { id: 'h1', credits: '13', status: 'pending', expiresAt: '2026-10-03T10:10:00.000Z' },
    });
    expect(book.state.credits).toMatchObject({ available: '4557', held: '13' });

    const captured = book.apply(capture('h1', 7), '2026-10-03T10:05:00.000Z');
    expect(captured.ok && captured.effect).toMatchObject({
      kind: 'capture',
      hold: { status: 'captured' },
      entryIndex: 0,
    });
    expect(captured.entries).toMatchObject([
      { kind: 'capture', credits: '3.9', quantity: 7, availableAfter: '4560.9' },
    ]);
    expect(book.state.credits).toEqual({
      available: '4560.9',
      held: '0',
      granted: '4570',
      used: '9.1',
    });
  });

  test('capture without a quantity takes all that was reserved', () => {
    const book = new LedgerBook('growth', start);
    book.apply(reserve('h1', 10), '2026-10-03T10:00:00.000Z');
    book.apply(capture('h1'), '2026-10-03T10:01:00.000Z');
    expect(book.state.credits).toMatchObject({ available: '4557', held: '0', used: '13' });
  });

  test('a capture above the reserved quantity is refused with what was reserved', () => {
    const book = new LedgerBook('growth', start);
    book.apply(reserve('h1', 10), '2026-10-03T10:00:00.000Z');
    const refused = book.apply(capture('h1', 11), '2026-10-03T10:01:00.000Z');
    expect(!refused.ok && refused.refusal).toMatchObject({
      code: 'capture_exceeds_hold',
      reserved: 10,
    });
    expect(book.state.credits.held).toBe('13');
  });

  test('a hold resolves at most once: a second capture or a release is refused with hold_not_pending', () => {
    const book = new LedgerBook('growth', start);
    book.apply(reserve('h1', 10), '2026-10-03T10:00:00.000Z');
    book.apply(capture('h1'), '2026-10-03T10:01:00.000Z');
    for (const command of [
      capture('h1'),
      { kind: 'release', memberId: 'milo', holdId: 'h1' } as const,
    ]) {
      const refused = book.apply(command, '2026-10-03T10:02:00.000Z');
      expect(!refused.ok && refused.refusal).toMatchObject({
        code: 'hold_not_pending',
        holdId: 'h1',
      });
    }
    expect(book.holds.get('h1')?.status).toBe('captured');
  });

  test('reserve fails at once when not covered and no overage was consented', () => {
    const book = new LedgerBook('free', start);
    const refused = book.apply(reserve('h1', 20), '2026-10-03T10:00:00.000Z');
    expect(!refused.ok && refused.refusal.code).toBe('overage_blocked');
    const growth = new LedgerBook('growth', start);
    growth.apply(reserve('h0', 3515), '2026-10-03T10:00:00.000Z');
    const unpaid = growth.apply(
      reserve('h1', 1, 'deny', 'lifestyle-crop'),
      '2026-10-03T10:00:01.000Z',
    );
    expect(!unpaid.ok && unpaid.refusal.code).toBe('overage_required');
    expect(growth.state.holds.map((hold) => hold.id)).toEqual(['h0']);
  });

  test('a hold id cannot be reused', () => {
    const book = new LedgerBook('growth', start);
    book.apply(reserve('h1', 1), '2026-10-03T10:00:00.000Z');
    const again = book.apply(reserve('h1', 1), '2026-10-03T10:00:01.000Z');
    expect(!again.ok && again.refusal.code).toBe('invalid_request');
  });
});

describe('overage on a hold', () => {
  function growthWith2Left(): LedgerBook {
    const book = new LedgerBook('growth', start);
    book.apply(
      {
        kind: 'usage',
        memberId: 'milo',
        operation: 'lifestyle-crop',
        quantity: 1114,
        overage: 'deny',
      },
      '2026-10-02T01:00:00Z',
    );
    expect(book.state.credits.available).toBe('2.6');
    return book;
  }

  test('the consented overage is charged on capture, never above the consented amount', () => {
    const book = growthWith2Left();
    const reserved = book.apply(
      reserve('h1', 2, 'accept', 'lifestyle-crop'),
      '2026-10-03T10:00:00.000Z',
    );
    expect(reserved.ok && reserved.effect).toMatchObject({
      hold: { credits: '2.6', overageCredits: '5.6', overageUsd: '0.56' },
    });
    expect(reserved.charges).toEqual([]);
    const captured = book.apply(capture('h1', 2), '2026-10-03T10:01:00.000Z');
    expect(captured.entries).toMatchObject([
      { credits: '0', overageCredits: '5.6', amountUsd: '0.56' },
    ]);
    expect(captured.charges).toMatchObject([{ kind: 'overage', amountUsd: '0.56' }]);
  });

  test('capturing fewer charges only the overage actually used', () => {
    const book = growthWith2Left();
    book.apply(reserve('h1', 2, 'accept', 'lifestyle-crop'), '2026-10-03T10:00:00.000Z');
    const captured = book.apply(capture('h1', 1), '2026-10-03T10:01:00.000Z');
    expect(captured.entries).toMatchObject([
      { credits: '0', overageCredits: '1.5', amountUsd: '0.15' },
    ]);
    expect(book.state.credits).toMatchObject({ available: '0', used: '4570' });
  });

  test('releasing a hold with consented overage charges nothing', () => {
    const book = growthWith2Left();
    book.apply(reserve('h1', 2, 'accept', 'lifestyle-crop'), '2026-10-03T10:00:00.000Z');
    const released = book.apply(
      { kind: 'release', memberId: 'milo', holdId: 'h1' },
      '2026-10-03T10:01:00.000Z',
    );
    expect(released.charges).toEqual([]);
    expect(book.state.credits).toMatchObject({ available: '2.6', held: '0' });
  });

  test('consented overage on pending holds counts against the cap', () => {
    const book = growthWith2Left();
    book.apply(
      { kind: 'set-overage-policy', memberId: 'ada', role: 'admin', policy: 'ask', capUsd: '1.00' },
      '2026-10-03T09:00:00Z',
    );
    expect(
      book.apply(reserve('h1', 2, 'accept', 'lifestyle-crop'), '2026-10-03T10:00:00.000Z').ok,
    ).toBe(true);
    const second = book.apply(
      reserve('h2', 2, 'accept', 'lifestyle-crop'),
      '2026-10-03T10:00:01.000Z',
    );
    expect(!second.ok && second.refusal).toMatchObject({
      code: 'overage_blocked',
      quote: { reason: 'overage-cap-reached' },
    });
  });
});

describe('expiry', () => {
  test('a hold not resolved within its time to live is released at its expiresAt, and can never be captured', () => {
    const book = new LedgerBook('growth', start);
    book.apply(reserve('h1', 10), '2026-10-03T10:00:00.000Z');
    const late = book.apply(capture('h1'), '2026-10-03T10:10:00.000Z');
    expect(late.ok).toBe(false);
    expect(!late.ok && late.refusal.code).toBe('hold_not_pending');
    expect(late.entries).toMatchObject([
      {
        kind: 'release',
        at: '2026-10-03T10:10:00.000Z',
        memberId: null,
        credits: '13',
        holdId: 'h1',
      },
    ]);
    expect(late.holds).toMatchObject([
      { id: 'h1', status: 'expired', resolvedAt: '2026-10-03T10:10:00.000Z' },
    ]);
    expect(book.state.credits).toMatchObject({ available: '4570', held: '0' });
  });

  test('a hold reserved without a time to live lives the default 10 minutes (docs/billing.md)', () => {
    const book = new LedgerBook('growth', start);
    const { ttlSeconds: _, ...withoutTtl } = reserve('h1', 10) as Extract<
      Command,
      { kind: 'reserve' }
    >;
    const reserved = book.apply(withoutTtl, '2026-10-03T10:00:00.000Z');
    expect(reserved.ok && reserved.effect).toMatchObject({
      hold: { expiresAt: '2026-10-03T10:10:00.000Z' },
    });
  });

  test('a hold that expired before the term ended returns its credits before that renewal', () => {
    const book = new LedgerBook('growth', start);
    book.apply(reserve('h1', 10), '2026-11-01T23:45:00.000Z');
    const settled = book.apply({ kind: 'settle' }, '2026-11-03T00:00:00.000Z');
    expect(settled.entries.map((entry) => [entry.at, entry.kind, entry.credits])).toEqual([
      ['2026-11-01T23:55:00.000Z', 'release', '13'],
      ['2026-11-02T00:00:00.000Z', 'expiry', '-4570'],
      ['2026-11-02T00:00:00.000Z', 'grant', '4570'],
    ]);
  });

  test('held credits are not expired at renewal: they stay reserved in the new term', () => {
    const book = new LedgerBook('growth', start);
    book.apply({ ...reserve('h1', 10), ttlSeconds: 3600 } as Command, '2026-11-01T23:30:00.000Z');
    const renewed = book.apply({ kind: 'settle' }, '2026-11-02T00:00:00.000Z');
    expect(renewed.entries.map((entry) => [entry.kind, entry.credits])).toEqual([
      ['expiry', '-4557'],
      ['grant', '4570'],
    ]);
    expect(book.state.credits).toEqual({
      available: '4570',
      held: '13',
      granted: '4583',
      used: '0',
    });
    book.apply(capture('h1', 5), '2026-11-02T00:10:00.000Z');
    expect(book.state.credits).toEqual({
      available: '4576.5',
      held: '0',
      granted: '4583',
      used: '6.5',
    });
  });
});
