import { describe, expect, test } from 'vitest';
import { demoCatalog, findPlan, rateOf, validateCatalog } from '../../lib/billing/catalog';
import catalogData from '../../lib/billing/catalog.json' with { type: 'json' };
import { BillingError } from '../../lib/billing/errors';
import { billingErrorOf } from './billing-error-of';

type Draft = { operations: Record<string, unknown>[]; plans: Record<string, unknown>[] };

/** A fresh, editable copy of the demo catalogue data. */
function draft(): Draft {
  return structuredClone(catalogData) as unknown as Draft;
}

function growthOf(catalog: Draft): Record<string, unknown> {
  return catalog.plans.find((plan) => plan.id === 'growth')!;
}

function catalogError(catalog: unknown): BillingError {
  return billingErrorOf(() => validateCatalog(catalog));
}

describe('the demo catalogue', () => {
  test('has the four plans and three operations of BILLING.md', () => {
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

describe('validateCatalog refuses a bad catalogue with a clear error', () => {
  test('a rate with more than 3 decimal places', () => {
    const catalog = draft();
    (growthOf(catalog).rates as Record<string, string>)['smart-crop'] = '1.3001';
    const error = catalogError(catalog);
    expect(error.code).toBe('invalid_catalog');
    expect(error.message).toContain('plan "growth", rate of "smart-crop"');
    expect(error.message).toContain('at most 3 decimal places');
  });

  test('a negative price', () => {
    const catalog = draft();
    growthOf(catalog).priceUsd = '-250';
    expect(catalogError(catalog).message).toMatch(/plan "growth", priceUsd: .*cannot be negative/);
  });

  test('zero monthly credits with a price', () => {
    const catalog = draft();
    growthOf(catalog).monthlyCredits = '0';
    expect(catalogError(catalog).message).toContain('price of $250 but 0 monthly credits');
  });

  test('a rate for an operation the catalogue does not define', () => {
    const catalog = draft();
    (growthOf(catalog).rates as Record<string, string>).upscale = '2';
    expect(catalogError(catalog).message).toContain('rate for unknown operation "upscale"');
  });

  test('a missing rate', () => {
    const catalog = draft();
    delete (growthOf(catalog).rates as Record<string, string>)['lifestyle-crop'];
    expect(catalogError(catalog).message).toContain('no rate for operation "lifestyle-crop"');
  });

  test('a zero rate (it would make maximum operations infinite)', () => {
    const catalog = draft();
    (growthOf(catalog).rates as Record<string, string>)['smart-crop'] = '0';
    expect(catalogError(catalog).message).toContain('must be above 0 credits');
  });

  test('duplicate plan ids and duplicate operation ids', () => {
    const plans = draft();
    plans.plans.push(structuredClone(growthOf(plans)));
    expect(catalogError(plans).message).toContain('plan "growth" appears twice');
    const operations = draft();
    operations.operations.push({ id: 'smart-crop', name: 'Smart Crop again' });
    expect(catalogError(operations).message).toContain('operation "smart-crop" appears twice');
  });

  test('numbers instead of decimal strings, and missing fields', () => {
    const numeric = draft();
    growthOf(numeric).priceUsd = 250;
    expect(catalogError(numeric).message).toContain('decimal number written as text');
    const nameless = draft();
    delete growthOf(nameless).name;
    expect(catalogError(nameless).message).toContain('needs a non-empty "name"');
    expect(catalogError(null).code).toBe('invalid_catalog');
    expect(catalogError({ operations: [], plans: [] }).message).toContain('non-empty list');
  });
});
