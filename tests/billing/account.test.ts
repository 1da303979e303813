import { describe, expect, test } from 'vitest';
import { apply, describeAccount, openAccount } from '../../lib/billing/account.ts';
import { demoCatalog } from '../../lib/billing/catalog.ts';
import { admin, LedgerBook, member } from './ledger-book.ts';

describe('opening an account', () => {
  test('grants the allotment and charges the price, at version 1', () => {
    const opened = openAccount(
      { id: 'a1', name: 'Studio', planId: 'growth', startAt: '2026-10-02T09:00:00Z' },
      demoCatalog,
    );
    expect(opened.state).toMatchObject({
      planId: 'growth',
      cycle: { anchor: '2026-10-02T09:00:00.000Z', term: 0 },
      credits: { available: '4570', held: '0', granted: '4570', used: '0' },
      overage: { policy: 'ask', capUsd: null, creditsThisCycle: '0', usdThisCycle: '0.00' },
      version: 1,
    });
    expect(opened.entries).toMatchObject([
      { kind: 'grant', credits: '4570', amountUsd: '250.00', availableAfter: '4570' },
    ]);
    expect(opened.charges).toMatchObject([
      { kind: 'subscription', amountUsd: '250.00', entryIndex: 0 },
    ]);
  });

  test('cannot start after now: there would be no current term, yet credits to spend', () => {
    const open = (startAt: string) =>
      openAccount(
        { id: 'a1', name: 'Studio', planId: 'growth', startAt },
        demoCatalog,
        '2026-10-02T09:00:00.000Z',
      );
    expect(open('2026-10-02T09:00:00.000Z').state.cycle.anchor).toBe('2026-10-02T09:00:00.000Z');
    expect(open('2026-09-02T09:00:00.000Z').state.cycle.anchor).toBe('2026-09-02T09:00:00.000Z');
    expect(() => open('2026-10-02T09:00:00.001Z')).toThrow(/cannot start in the future/);
  });

  test('a free account is charged nothing', () => {
    const opened = openAccount(
      { id: 'a1', name: 'Studio', planId: 'free', startAt: '2026-10-02T09:00:00Z' },
      demoCatalog,
    );
    expect(opened.charges).toEqual([]);
    expect(opened.state.credits.available).toBe('25');
  });

  test('the billing part of the Snapshot', () => {
    const book = new LedgerBook('growth', '2026-10-02T00:00:00.000Z');
    const described = describeAccount(book.state, demoCatalog);
    expect(described.plan.id).toBe('growth');
    expect(described.cycle).toEqual({
      start: '2026-10-02T00:00:00.000Z',
      end: '2026-11-02T00:00:00.000Z',
    });
    expect(described.credits.available).toBe('4570');
  });
});

describe('renewals', () => {
  test('a request three months late applies three renewals in order, each with expiry, grant and charge', () => {
    const book = new LedgerBook('growth', '2026-01-31T23:30:00.000Z');
    book.apply(
      { kind: 'usage', memberId: 'ada', operation: 'smart-crop', quantity: 100, overage: 'deny' },
      '2026-02-01T00:00:00Z',
    );
    const applied = book.apply({ kind: 'settle' }, '2026-05-01T00:00:00.000Z');
    expect(applied.ok).toBe(true);
    expect(applied.entries.map((entry) => [entry.at, entry.kind, entry.credits])).toEqual([
      ['2026-02-28T23:30:00.000Z', 'expiry', '-4440'],
      ['2026-02-28T23:30:00.000Z', 'grant', '4570'],
      ['2026-03-31T23:30:00.000Z', 'expiry', '-4570'],
      ['2026-03-31T23:30:00.000Z', 'grant', '4570'],
      ['2026-04-30T23:30:00.000Z', 'expiry', '-4570'],
      ['2026-04-30T23:30:00.000Z', 'grant', '4570'],
    ]);
    expect(
      applied.charges.map((charge) => [charge.at, charge.amountUsd, charge.entryIndex]),
    ).toEqual([
      ['2026-02-28T23:30:00.000Z', '250.00', 1],
      ['2026-03-31T23:30:00.000Z', '250.00', 3],
      ['2026-04-30T23:30:00.000Z', '250.00', 5],
    ]);
    expect(book.state.cycle.term).toBe(3);
    expect(book.state.credits).toEqual({
      available: '4570',
      held: '0',
      granted: '4570',
      used: '0',
    });
    expect(book.state.version).toBe(3);
  });

  test('a settle with nothing due changes nothing, not even the version', () => {
    const book = new LedgerBook('growth', '2026-10-02T00:00:00.000Z');
    const applied = book.apply({ kind: 'settle' }, '2026-10-20T00:00:00.000Z');
    expect(applied.entries).toEqual([]);
    expect(applied.state).toEqual(
      openAccount(
        { id: 'acct-1', name: 'Studio', planId: 'growth', startAt: '2026-10-02T00:00:00.000Z' },
        demoCatalog,
      ).state,
    );
  });

  test("renewal resets this cycle's overage spending", () => {
    const book = new LedgerBook('growth', '2026-10-02T00:00:00.000Z');
    book.apply(
      {
        kind: 'usage',
        memberId: 'ada',
        operation: 'lifestyle-crop',
        quantity: 1115,
        overage: 'accept',
      },
      '2026-10-03T00:00:00Z',
    );
    expect(book.state.overage).toMatchObject({ creditsThisCycle: '1.5', usdThisCycle: '0.15' });
    book.apply({ kind: 'settle' }, '2026-11-02T00:00:00Z');
    expect(book.state.overage).toMatchObject({ creditsThisCycle: '0', usdThisCycle: '0.00' });
  });
});

describe('usage and overage', () => {
  const lifestyleCrop = (overage: 'deny' | 'accept') =>
    ({
      kind: 'usage',
      memberId: 'milo',
      operation: 'lifestyle-crop',
      quantity: 1,
      overage,
    }) as const;

  test('under ask, overage needs consent for the operation: refused with the quote, then charged $0.41', () => {
    const book = new LedgerBook('growth', '2026-10-02T00:00:00.000Z');
    book.apply(
      { kind: 'usage', memberId: 'milo', operation: 'smart-crop', quantity: 3515, overage: 'deny' },
      '2026-10-03T00:00:00Z',
    );
    book.apply(
      { kind: 'usage', memberId: 'milo', operation: 'smart-crop', quantity: 1, overage: 'accept' },
      '2026-10-03T00:00:01Z',
    );
    const refused = book.apply(lifestyleCrop('deny'), '2026-10-04T00:00:00Z');
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.refusal.code).toBe('overage_required');
      expect(refused.refusal.message).toContain('pay $0.41 overage');
    }
    const paid = book.apply(lifestyleCrop('accept'), '2026-10-04T00:00:01Z');
    expect(paid.ok && paid.effect).toMatchObject({
      kind: 'usage',
      entryIndex: 0,
      quote: { overageUsd: '0.41' },
    });
    expect(paid.charges).toMatchObject([{ kind: 'overage', amountUsd: '0.41', entryIndex: 0 }]);
    expect(book.state.credits.available).toBe('0');
  });

  test('under auto the overage is billed without asking, up to the cap', () => {
    const book = new LedgerBook('growth', '2026-10-02T00:00:00.000Z');
    book.apply(
      { kind: 'set-overage-policy', ...admin, policy: 'auto', capUsd: '0.50' },
      '2026-10-02T01:00:00Z',
    );
    book.apply(
      { kind: 'usage', memberId: 'milo', operation: 'smart-crop', quantity: 3515, overage: 'deny' },
      '2026-10-03T00:00:00Z',
    );
    expect(book.apply(lifestyleCrop('deny'), '2026-10-03T00:00:01Z').ok).toBe(true);
    const blocked = book.apply(lifestyleCrop('accept'), '2026-10-03T00:00:02Z');
    expect(!blocked.ok && blocked.refusal.code).toBe('overage_blocked');
    expect(!blocked.ok && blocked.refusal.message).toContain('ask your admin to raise the cap');
  });

  test('an invalid command is refused as invalid_request with a readable message', () => {
    const book = new LedgerBook('growth', '2026-10-02T00:00:00.000Z');
    const applied = book.apply(
      { kind: 'usage', memberId: 'milo', operation: 'upscale', quantity: 1, overage: 'deny' },
      '2026-10-03T00:00:00Z',
    );
    expect(!applied.ok && applied.refusal).toMatchObject({
      code: 'invalid_request',
      message: expect.stringContaining('"upscale"'),
    });
    const tooMany = book.apply(
      {
        kind: 'usage',
        memberId: 'milo',
        operation: 'smart-crop',
        quantity: 10_001,
        overage: 'deny',
      },
      '2026-10-03T00:00:00Z',
    );
    expect(!tooMany.ok && tooMany.refusal.message).toContain('1 to 10,000');
  });

  test('a refusal still carries the renewals that were due', () => {
    const book = new LedgerBook('growth', '2026-10-02T00:00:00.000Z');
    const refused = book.apply(
      { kind: 'change-plan', ...member, planId: 'scale' },
      '2026-12-02T00:00:00Z',
    );
    expect(refused.ok).toBe(false);
    expect(refused.entries.map((entry) => entry.kind)).toEqual([
      'expiry',
      'grant',
      'expiry',
      'grant',
    ]);
    expect(refused.charges).toMatchObject([
      { amountUsd: '250.00', entryIndex: 1 },
      { amountUsd: '250.00', entryIndex: 3 },
    ]);
    expect(refused.state.version).toBe(2);
    expect(refused.state.cycle.term).toBe(2);
  });
});

describe('overage policy', () => {
  test('only an admin may set it; a member is told to ask the admin', () => {
    const book = new LedgerBook('growth', '2026-10-02T00:00:00.000Z');
    const refused = book.apply(
      { kind: 'set-overage-policy', ...member, policy: 'auto', capUsd: null },
      '2026-10-03T00:00:00Z',
    );
    expect(!refused.ok && refused.refusal).toEqual({
      code: 'forbidden',
      message: 'Only an account admin can change the overage policy; ask your admin.',
    });
    const set = book.apply(
      { kind: 'set-overage-policy', ...admin, policy: 'auto', capUsd: '25' },
      '2026-10-03T00:00:00Z',
    );
    expect(set.ok).toBe(true);
    expect(book.state.overage).toMatchObject({ policy: 'auto', capUsd: '25.00' });
    expect(book.state.version).toBe(2);
    book.apply(
      { kind: 'set-overage-policy', ...admin, policy: 'auto', capUsd: '25.00' },
      '2026-10-03T00:00:01Z',
    );
    expect(book.state.version).toBe(2);
  });

  test('a cap below a cent or malformed is refused', () => {
    const book = new LedgerBook('growth', '2026-10-02T00:00:00.000Z');
    for (const capUsd of ['0.001', '-5', 'ten']) {
      const applied = book.apply(
        { kind: 'set-overage-policy', ...admin, policy: 'auto', capUsd },
        '2026-10-03T00:00:00Z',
      );
      expect(!applied.ok && applied.refusal.code).toBe('invalid_request');
    }
  });
});

describe('apply is pure', () => {
  test('the same state, command and time give the same result, and the input is untouched', () => {
    const { state } = openAccount(
      { id: 'a1', name: 'Studio', planId: 'growth', startAt: '2026-10-02T00:00:00Z' },
      demoCatalog,
    );
    const before = structuredClone(state);
    const command = {
      kind: 'usage',
      memberId: 'ada',
      operation: 'smart-crop',
      quantity: 5,
      overage: 'deny',
    } as const;
    const first = apply(state, command, '2027-01-05T00:00:00Z', demoCatalog);
    const second = apply(state, command, '2027-01-05T00:00:00Z', demoCatalog);
    expect(second).toEqual(first);
    expect(state).toEqual(before);
  });
});
