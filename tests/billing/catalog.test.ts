import { describe, expect, test } from 'vitest';
import { demoCatalog, findPlan, rateOf } from '../../lib/billing/catalog.ts';
import { BillingError } from '../../lib/billing/errors.ts';

describe('the demo catalogue', () => {
  test('has the four plans and three operations of docs/billing.md', () => {
    expect(demoCatalog.plans.map((plan) => plan.id)).toEqual([
      'free',
      'starter',
      'growth',
      'scale',
    ]);
    expect(demoCatalog.operations.map((operation) => operation.id)).toEqual([
      'smart-crop',
      'background-removal',
      'lifestyle-crop',
    ]);
  });

  test('prices, allotments and rates match the table', () => {
    const rows = demoCatalog.plans.map((plan) => [
      plan.id,
      plan.priceUsd,
      plan.listPriceUsd,
      plan.monthlyCredits,
      plan.rates['smart-crop'],
      plan.rates['background-removal'],
      plan.rates['lifestyle-crop'],
      plan.allowsOverage,
    ]);
    expect(rows).toEqual([
      ['free', '0', '0', '25', '1.3', '2.8', '4.1', false],
      ['starter', '100', '200', '1700', '1.3', '2.8', '4.1', true],
      ['growth', '250', '500', '4570', '1.3', '2.8', '4.1', true],
      ['scale', '500', '1000', '10000', '1.2', '2.5', '3.8', true],
    ]);
    for (const plan of demoCatalog.plans.filter((candidate) => candidate.allowsOverage)) {
      expect(plan.overageUsdPerCredit).toBe('0.10');
    }
  });

  test('findPlan and rateOf answer, and name what is unknown', () => {
    expect(rateOf(findPlan(demoCatalog, 'scale'), 'lifestyle-crop')).toBe('3.8');
    expect(() => findPlan(demoCatalog, 'platinum')).toThrow(/no plan "platinum"/);
    expect(() => rateOf(findPlan(demoCatalog, 'growth'), 'upscale')).toThrowError(BillingError);
    expect(() => rateOf(findPlan(demoCatalog, 'growth'), 'toString')).toThrow(/"toString"/);
  });
});
