import { describe, expect, test } from 'vitest';
import { quoteBasket } from '../../lib/billing/basket.ts';
import { demoCatalog, findPlan } from '../../lib/billing/catalog.ts';
import { overageState } from './overage-state.ts';

const growth = findPlan(demoCatalog, 'growth');
const free = findPlan(demoCatalog, 'free');
const ask = overageState();

describe('a basket is quoted line by line', () => {
  test('a later line runs into overage once the earlier ones used the credits', () => {
    const basket = quoteBasket({ plan: growth, available: '10', overage: ask }, [
      { operation: 'smart-crop', quantity: 5 },
      { operation: 'lifestyle-crop', quantity: 1 },
    ]);
    expect(basket.lines.map((line) => [line.fromPlan, line.overageCredits, line.outcome])).toEqual([
      ['6.5', '0', 'covered'],
      ['3.5', '0.6', 'overage'],
    ]);
    expect(basket.total).toEqual({
      credits: '10.6',
      fromPlan: '10',
      overageCredits: '0.6',
      overageUsd: '0.06',
      availableAfter: '0',
      outcome: 'overage',
    });
  });

  test("earlier lines' overage counts against the cap of later lines", () => {
    const capped = overageState({ policy: 'auto', capUsd: '0.50' });
    const basket = quoteBasket({ plan: growth, available: '0', overage: capped }, [
      { operation: 'lifestyle-crop', quantity: 1 },
      { operation: 'lifestyle-crop', quantity: 1 },
    ]);
    expect(basket.lines.map((line) => line.outcome)).toEqual(['overage', 'blocked']);
    expect(basket.total).toMatchObject({
      outcome: 'blocked',
      reason: 'overage-cap-reached',
      overageUsd: '0.82',
    });
  });

  test("on the free plan the basket is blocked with the plan's reason", () => {
    const basket = quoteBasket({ plan: free, available: '25', overage: ask }, [
      { operation: 'background-removal', quantity: 9 },
    ]);
    expect(basket.total).toMatchObject({
      outcome: 'blocked',
      reason: 'plan-disallows-overage',
      fromPlan: '25',
    });
  });

  test('an empty basket costs nothing', () => {
    expect(quoteBasket({ plan: growth, available: '12.5', overage: ask }, []).total).toEqual({
      credits: '0',
      fromPlan: '0',
      overageCredits: '0',
      overageUsd: '0.00',
      availableAfter: '12.5',
      outcome: 'covered',
    });
  });

  test('a bad line throws like a single quote', () => {
    expect(() =>
      quoteBasket({ plan: growth, available: '10', overage: ask }, [
        { operation: 'smart-crop', quantity: 0 },
      ]),
    ).toThrowError(expect.objectContaining({ code: 'invalid_quantity' }));
  });
});
