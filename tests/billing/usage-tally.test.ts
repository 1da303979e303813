import { describe, expect, test } from 'vitest';
import { apply, openAccount } from '../../lib/billing/account.ts';
import { demoCatalog } from '../../lib/billing/catalog.ts';
import type { AccountState, Command } from '../../lib/billing/types.ts';
import { withUsageTally } from '../../lib/billing/usage-tally.ts';

const start = '2026-10-02T00:00:00.000Z';

/** A Growth account whose tally is kept as the store keeps it, after every change. */
function growth() {
  let state: AccountState = openAccount(
    { id: 'a1', name: 'Studio', planId: 'growth', startAt: start },
    demoCatalog,
  ).state;
  return {
    run(command: Command, now: string) {
      const applied = apply(state, command, now, demoCatalog);
      state = withUsageTally(state, applied);
      return state.usage;
    },
    /** `quantity` Smart Crops at `now`. */
    crops(quantity: number, now: string) {
      return this.run(
        { kind: 'usage', memberId: member, operation: 'smart-crop', quantity, overage: 'deny' },
        now,
      );
    },
    /** Rewrites the stored tally, as an older server left it. */
    keptAs(term: (current: string) => string) {
      if (state.usage)
        state = { ...state, usage: { ...state.usage, term: term(state.usage.term) } };
    },
  };
}

const member = 'm1';

describe('the usage tally', () => {
  test('a capture counts what it used (held less what returned), on its day', () => {
    const account = growth();
    account.run(
      {
        kind: 'reserve',
        memberId: member,
        holdId: 'h1',
        operation: 'background-removal',
        quantity: 10,
        overage: 'deny',
      },
      '2026-10-05T10:00:00.000Z',
    );
    // 10 held (28 credits), 4 captured: 11.2 used, 16.8 returned.
    const tally = account.run(
      { kind: 'capture', memberId: member, holdId: 'h1', quantity: 4 },
      '2026-10-05T10:01:00.000Z',
    );
    expect(tally?.counts).toEqual({ 'background-removal': 4 });
    expect(tally?.days).toEqual([{ day: '2026-10-05', credits: '11.2' }]);
  });

  test('usage adds up per operation and per UTC day; days before a week ago are dropped', () => {
    const account = growth();
    const use = (quantity: number, now: string) => account.crops(quantity, now);
    use(10, '2026-10-03T23:00:00.000Z');
    use(10, '2026-10-04T01:00:00.000Z');
    use(5, '2026-10-04T02:00:00.000Z');
    // Oct 11 12:00 − 7 × 24 h is Oct 4 12:00: Oct 4 is the first day kept.
    const tally = use(1, '2026-10-11T12:00:00.000Z');
    expect(tally?.counts).toEqual({ 'smart-crop': 26 });
    expect(tally?.days).toEqual([
      { day: '2026-10-04', credits: '19.5' },
      { day: '2026-10-11', credits: '1.3' },
    ]);
  });

  test('a renewal starts an empty tally', () => {
    const account = growth();
    account.run(
      { kind: 'usage', memberId: member, operation: 'smart-crop', quantity: 10, overage: 'deny' },
      '2026-10-05T10:00:00.000Z',
    );
    expect(account.run({ kind: 'settle' }, '2026-11-02T00:00:01.000Z')).toBeUndefined();
  });

  test('a switch to free goes on counting the term; an upgrade starts a new tally', () => {
    const account = growth();
    const crops = (quantity: number, now: string) => account.crops(quantity, now);
    const changePlan = (planId: 'free' | 'scale', now: string) =>
      account.run({ kind: 'change-plan', memberId: member, role: 'admin', planId }, now);
    crops(10, '2026-10-05T10:00:00.000Z');
    // To free: the anchor stays and the term goes on, its credits with it.
    changePlan('free', '2026-10-06T10:00:00.000Z');
    expect(crops(1, '2026-10-07T10:00:00.000Z')).toMatchObject({
      counts: { 'smart-crop': 11 },
      days: [
        { day: '2026-10-05', credits: '13' },
        { day: '2026-10-07', credits: '1.3' },
      ],
    });
    // An upgrade starts a new term now (Smart Crop at Scale's 1.2).
    changePlan('scale', '2026-10-08T10:00:00.000Z');
    expect(crops(2, '2026-10-08T11:00:00.000Z')).toMatchObject({
      counts: { 'smart-crop': 2 },
      days: [{ day: '2026-10-08', credits: '2.4' }],
    });
  });

  test('a tally an older server kept under plan@anchor#term is still this term’s', () => {
    const account = growth();
    const crops = (quantity: number, now: string) => account.crops(quantity, now);
    crops(10, '2026-10-05T10:00:00.000Z');
    account.keptAs((term) => `growth@${term}`);
    expect(crops(1, '2026-10-06T10:00:00.000Z')?.counts).toEqual({ 'smart-crop': 11 });
  });
});
