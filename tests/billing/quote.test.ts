import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { demoCatalog, findPlan } from '../../lib/billing/catalog.ts';
import { Decimal } from '../../lib/billing/decimal.ts';
import { BillingError } from '../../lib/billing/errors.ts';
import { quote } from '../../lib/billing/quote.ts';
import type { OverageState } from '../../lib/billing/types.ts';
import { overageState } from './overage-state.ts';

const growth = findPlan(demoCatalog, 'growth');
const free = findPlan(demoCatalog, 'free');
const ask = overageState();

const lifestyleCrop = (available: string, overage: OverageState = ask, plan = growth) =>
  quote({ plan, available, overage, operation: 'lifestyle-crop', quantity: 1 });

describe('quote outcomes', () => {
  test('covered when the available credits pay for it all', () => {
    expect(lifestyleCrop('4.1')).toMatchObject({ outcome: 'covered', overageUsd: '0.00' });
    expect(lifestyleCrop('4.1').reason).toBeUndefined();
  });

  test('the free plan is blocked past its credits: plan-disallows-overage', () => {
    expect(lifestyleCrop('2', ask, free)).toMatchObject({
      outcome: 'blocked',
      reason: 'plan-disallows-overage',
      fromPlan: '2',
      overageCredits: '2.1',
    });
  });

  test('a cap with room for the charge allows overage; $0.01 short of it blocks', () => {
    const capped = (usdThisCycle: string) =>
      overageState({ policy: 'auto', capUsd: '10.00', usdThisCycle });
    expect(lifestyleCrop('0', capped('9.59')).outcome).toBe('overage');
    expect(lifestyleCrop('0', capped('9.60'))).toMatchObject({
      outcome: 'blocked',
      reason: 'overage-cap-reached',
    });
  });

  test('the cap counts under ask too', () => {
    const capped = overageState({ capUsd: '0.40' });
    expect(lifestyleCrop('0', capped).reason).toBe('overage-cap-reached');
  });

  test('a credit the price divides into many digits: Growth plan value of 2 credits is $0.1094', () => {
    expect(lifestyleCrop('2').planValueUsd).toBe('0.1094');
  });

  test('the free plan quotes a plan value of $0.0000', () => {
    expect(lifestyleCrop('25', ask, free).planValueUsd).toBe('0.0000');
  });
});

describe('invalid inputs throw a typed error a person can read', () => {
  const attempt =
    (quantity: number, operation = 'smart-crop', available = '10') =>
    () =>
      quote({ plan: growth, available, overage: ask, operation, quantity });

  test.each([0, -1, 1.5, 10_001, Number.NaN])('quantity %d is invalid_quantity', (quantity) => {
    expect(attempt(quantity)).toThrowError(
      expect.objectContaining({
        code: 'invalid_quantity',
        message: expect.stringContaining('1 to 10,000'),
      }),
    );
  });

  test('10,000 is the largest quantity', () => {
    expect(
      quote({
        plan: growth,
        available: '0',
        overage: ask,
        operation: 'smart-crop',
        quantity: 10_000,
      }).credits,
    ).toBe('13000');
  });

  test('an unknown operation', () => {
    expect(attempt(1, 'upscale')).toThrowError(
      expect.objectContaining({ code: 'unknown_operation' }),
    );
  });

  test('a malformed available balance', () => {
    expect(attempt(1, 'smart-crop', '12,5')).toThrowError(BillingError);
    expect(attempt(1, 'smart-crop', '-1')).toThrowError(
      expect.objectContaining({ code: 'invalid_decimal' }),
    );
  });
});

const milliCredits = fc
  .integer({ min: 0, max: 20_000_000 })
  .map((milli) => new Decimal(milli).dividedBy(1000).toString());
const plans = fc.constantFrom(...demoCatalog.plans);
const operations = fc.constantFrom(...demoCatalog.operations.map((operation) => operation.id));
const quantities = fc.integer({ min: 1, max: 10_000 });
const overageStates = fc.record({
  policy: fc.constantFrom('ask' as const, 'auto' as const),
  capUsd: fc.option(
    fc
      .integer({ min: 0, max: 100_000 })
      .map((cents) => new Decimal(cents).dividedBy(100).toString()),
  ),
  creditsThisCycle: fc.constant('0'),
  usdThisCycle: fc
    .integer({ min: 0, max: 100_000 })
    .map((cents) => new Decimal(cents).dividedBy(100).toString()),
});

describe('quote properties', () => {
  test('never negative available; fromPlan + overageCredits = credits = rate × quantity', () => {
    fc.assert(
      fc.property(
        plans,
        milliCredits,
        overageStates,
        operations,
        quantities,
        (plan, available, overage, operation, quantity) => {
          const result = quote({ plan, available, overage, operation, quantity });
          const fromPlan = new Decimal(result.fromPlan);
          const overageCredits = new Decimal(result.overageCredits);
          expect(new Decimal(result.availableAfter).isNegative()).toBe(false);
          expect(fromPlan.plus(overageCredits).equals(result.credits)).toBe(true);
          expect(new Decimal(plan.rates[operation]!).times(quantity).equals(result.credits)).toBe(
            true,
          );
          expect(new Decimal(available).minus(fromPlan).equals(result.availableAfter)).toBe(true);
          expect(result.outcome === 'covered').toBe(overageCredits.isZero());
          expect(result.overageUsd).toMatch(/^\d+\.\d{2}$/);
          expect(result.planValueUsd).toMatch(/^\d+\.\d{4}$/);
        },
      ),
      { numRuns: 200 },
    );
  });
});
