import { describe, expect, test } from 'vitest';
import { apply, openAccount } from '../../lib/billing/account.ts';
import { balanceAlerts } from '../../lib/billing/balance-alerts.ts';
import { demoCatalog } from '../../lib/billing/catalog.ts';
import type { AccountState, AlertMemory, Command } from '../../lib/billing/types.ts';

// Growth grants 4,570 credits a term: 20 % is 914, 5 % is 228.5.
const start = '2026-10-02T00:00:00.000Z';

/** A Growth account and a way to run commands on it, keeping the alert memory as a store does. */
function growth(planId = 'growth') {
  let state: AccountState = openAccount(
    { id: 'a1', name: 'Studio', planId, startAt: start },
    demoCatalog,
  ).state;
  let memory: AlertMemory | undefined;
  return {
    run(command: Command, now = '2026-10-10T00:00:00.000Z') {
      const applied = apply(state, command, now, demoCatalog);
      const result = balanceAlerts(applied.state, applied.entries, memory);
      state = applied.state;
      memory = result.memory;
      return result.fired;
    },
  };
}

const use = (quantity: number, operation = 'smart-crop'): Command => ({
  kind: 'usage',
  memberId: 'm1',
  operation,
  quantity,
  overage: 'accept',
});

describe('low-balance alerts at the default thresholds', () => {
  test('the change that takes the balance to 20 % of granted fires it, with the numbers', () => {
    const account = growth();
    // 2,809 Smart Crops = 3,651.7 credits: 918.3 left, still above 914.
    expect(account.run(use(2809))).toEqual([]);
    // Four more: 913.1 left, at or below 914.
    expect(account.run(use(4), '2026-10-11T00:00:00.000Z')).toEqual([
      { threshold: 20, at: '2026-10-11T00:00:00.000Z', available: '913.1', granted: '4570' },
    ]);
  });

  test('each threshold fires once per term, however often the balance dips again', () => {
    const account = growth();
    expect(account.run(use(2813)).map(({ threshold }) => threshold)).toEqual([20]);
    expect(account.run(use(1))).toEqual([]);
    expect(account.run(use(1))).toEqual([]);
  });

  test('one change that falls past several thresholds fires each, highest first', () => {
    const account = growth();
    const fired = account.run(use(1200, 'lifestyle-crop'));
    expect(fired.map(({ threshold }) => threshold)).toEqual([20, 5, 'exhausted']);
    expect(fired.every(({ available }) => available === '0')).toBe(true);
  });

  test('exhausted fires when the last credit goes, not for overage after it', () => {
    const account = growth();
    expect(account.run(use(3500)).map(({ threshold }) => threshold)).toEqual([20, 5]);
    expect(account.run(use(100)).map(({ threshold }) => threshold)).toEqual(['exhausted']);
    expect(account.run(use(10))).toEqual([]);
  });

  test('a renewal re-arms them: the next term fires 20 % again', () => {
    const account = growth();
    expect(account.run(use(2813))).toHaveLength(1);
    // The renewal's expiry takes the balance to 0, but fires nothing: it ends the term.
    expect(account.run({ kind: 'settle' }, '2026-11-02T00:00:00.000Z')).toEqual([]);
    const fired = account.run(use(2813), '2026-11-03T00:00:00.000Z');
    expect(fired.map(({ threshold }) => threshold)).toEqual([20]);
  });

  test('a plan change re-arms them', () => {
    const account = growth();
    expect(account.run(use(2813))).toHaveLength(1);
    const change: Command = {
      kind: 'change-plan',
      memberId: 'm1',
      role: 'admin',
      planId: 'starter',
    };
    expect(account.run(change)).toEqual([]);
    // Starter: 913.1 rolled over + 1,700 = 2,613.1 granted; 20 % is 522.62.
    const fired = account.run(use(1609));
    expect(fired).toMatchObject([{ threshold: 20, available: '521.4', granted: '2613.1' }]);
    expect(account.run(use(1))).toEqual([]);
  });

  test('credits coming back fire nothing', () => {
    const account = growth();
    const hold: Command = {
      kind: 'reserve',
      memberId: 'm1',
      holdId: 'h1',
      operation: 'smart-crop',
      quantity: 2813,
      overage: 'deny',
    };
    expect(account.run(hold).map(({ threshold }) => threshold)).toEqual([20]);
    expect(account.run({ kind: 'release', memberId: 'm1', holdId: 'h1' })).toEqual([]);
  });

  test('thresholds are whole percentages from 1 to 99', () => {
    const state = openAccount(
      { id: 'a1', name: 'S', planId: 'growth', startAt: start },
      demoCatalog,
    ).state;
    for (const bad of [0, 100, 12.5]) {
      expect(() => balanceAlerts(state, [], undefined, [bad])).toThrow(/whole percentage/);
    }
  });
});
