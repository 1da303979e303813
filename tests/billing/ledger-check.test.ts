import { describe, expect, test } from 'vitest';
import { openAccount } from '../../lib/billing/account.ts';
import { demoCatalog } from '../../lib/billing/catalog.ts';
import { checkLedger } from '../../lib/billing/ledger-check.ts';
import type { AccountState, EntryDraft } from '../../lib/billing/types.ts';

const opened = openAccount(
  { id: 'a1', name: 'Studio', planId: 'growth', startAt: '2026-10-02T00:00:00Z' },
  demoCatalog,
);

function usage(credits: string, availableAfter: string): EntryDraft {
  return { ...opened.entries[0]!, kind: 'usage', credits, amountUsd: '0.00', availableAfter };
}

function withCredits(credits: Partial<AccountState['credits']>): AccountState {
  return { ...opened.state, credits: { ...opened.state.credits, ...credits } };
}

const violation = expect.objectContaining({ code: 'ledger_violation' });

describe('checkLedger', () => {
  test('a freshly opened account satisfies the identity', () => {
    expect(() => checkLedger(opened.entries, opened.state, opened.charges)).not.toThrow();
  });

  test('an availableAfter that is not the running sum', () => {
    const entries = [...opened.entries, usage('-130', '4400')];
    expect(() =>
      checkLedger(entries, withCredits({ available: '4440', used: '130' })),
    ).toThrowError(violation);
  });

  test('available that differs from the sum of the entries', () => {
    expect(() =>
      checkLedger(opened.entries, withCredits({ available: '4000', used: '570' })),
    ).toThrowError(/available is 4000 but the entries sum to 4570/);
  });

  test('a negative balance anywhere', () => {
    const entries = [...opened.entries, usage('-5000', '-430')];
    expect(() => checkLedger(entries, withCredits({ available: '-430' }))).toThrowError(violation);
  });

  test('held credits without the open holds that explain them', () => {
    expect(() =>
      checkLedger(opened.entries, withCredits({ held: '13', granted: '4583' })),
    ).toThrowError(/held is 13 but the open holds reserve 0/);
  });

  test('available + held + used that does not add up to granted', () => {
    expect(() => checkLedger(opened.entries, withCredits({ used: '1' }))).toThrowError(
      /granted is 4570/,
    );
  });

  test('charges that do not add up to the dollars of the entries', () => {
    expect(() => checkLedger(opened.entries, opened.state, [])).toThrowError(
      /charges total \$0, entries bill \$250/,
    );
  });
});
