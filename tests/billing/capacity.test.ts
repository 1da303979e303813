import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { maxOperations, remainingOperations } from '../../lib/billing/capacity.ts';
import { demoCatalog, findPlan } from '../../lib/billing/catalog.ts';
import { Decimal } from '../../lib/billing/decimal.ts';

const growth = findPlan(demoCatalog, 'growth');
const scale = findPlan(demoCatalog, 'scale');

describe('maximum operations', () => {
  test('an exact multiple fits exactly: 5.2 credits are 4 Smart Crops', () => {
    expect(maxOperations(growth, '5.2', 'smart-crop')).toBe(4);
    expect(maxOperations(growth, '5.199', 'smart-crop')).toBe(3);
  });

  test('nothing left means none, not a negative count', () => {
    expect(maxOperations(growth, '0', 'lifestyle-crop')).toBe(0);
    expect(maxOperations(growth, '4.099', 'lifestyle-crop')).toBe(0);
  });

  test("remaining operations of every operation follow the plan's own rates", () => {
    expect(remainingOperations(growth, '500')).toEqual({
      'smart-crop': 384,
      'background-removal': 178,
      'lifestyle-crop': 121,
    });
    expect(remainingOperations(scale, '500')).toEqual({
      'smart-crop': 416,
      'background-removal': 200,
      'lifestyle-crop': 131,
    });
  });

  test('property: n = maxOperations fits (n × rate ≤ available) and n + 1 does not', () => {
    const plans = fc.constantFrom(...demoCatalog.plans);
    const operations = fc.constantFrom('smart-crop', 'background-removal', 'lifestyle-crop');
    const available = fc
      .integer({ min: 0, max: 50_000_000 })
      .map((milli) => new Decimal(milli).dividedBy(1000));
    fc.assert(
      fc.property(plans, operations, available, (plan, operation, balance) => {
        const n = maxOperations(plan, balance.toString(), operation);
        const rate = new Decimal(plan.rates[operation]!);
        expect(Number.isInteger(n) && n >= 0).toBe(true);
        expect(rate.times(n).lessThanOrEqualTo(balance)).toBe(true);
        expect(rate.times(n + 1).greaterThan(balance)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
