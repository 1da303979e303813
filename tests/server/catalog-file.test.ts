import { describe, expect, test } from 'vitest';
import catalogData from '../../lib/billing/catalog.json' with { type: 'json' };
import { demoCatalog } from '../../lib/billing/catalog.ts';
import type { BillingError } from '../../lib/billing/errors.ts';
import { readCatalog } from '../../server/catalog-file.ts';
import { billingErrorOf } from '../billing/billing-error-of.ts';

type Draft = { operations: Record<string, unknown>[]; plans: Record<string, unknown>[] };

/** A fresh, editable copy of the demo catalogue data. */
function draft(): Draft {
  return structuredClone(catalogData) as unknown as Draft;
}

function growthOf(catalog: Draft): Record<string, unknown> {
  return catalog.plans.find((plan) => plan.id === 'growth')!;
}

function catalogError(catalog: unknown): BillingError {
  return billingErrorOf(() => readCatalog(catalog));
}

test('the demo catalogue passes the check as it is', () => {
  expect(readCatalog(catalogData)).toEqual(demoCatalog);
});

describe('readCatalog refuses a bad catalogue with a clear error', () => {
  test('a rate with more than 3 decimal places', () => {
    const catalog = draft();
    (growthOf(catalog).rates as Record<string, string>)['smart-crop'] = '1.3001';
    const error = catalogError(catalog);
    expect(error.code).toBe('invalid_catalog');
    expect(error.message).toContain('plan "growth", rate of "smart-crop" must be credits');
    expect(error.message).toContain('at most 3 decimals');
  });

  test('a negative price', () => {
    const catalog = draft();
    growthOf(catalog).priceUsd = '-250';
    expect(catalogError(catalog).message).toContain(
      'plan "growth", priceUsd must be dollars written as a decimal string',
    );
  });

  test('zero monthly credits with a price', () => {
    const catalog = draft();
    growthOf(catalog).monthlyCredits = '0';
    expect(catalogError(catalog).message).toContain(
      'plan "growth" has a price of $250 but 0 monthly credits',
    );
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
    expect(catalogError(catalog).message).toContain(
      'plan "growth", rate of "smart-crop" must be above 0 credits',
    );
  });

  test('duplicate plan ids and duplicate operation ids', () => {
    const plans = draft();
    plans.plans.push(structuredClone(growthOf(plans)));
    expect(catalogError(plans).message).toContain('has plan "growth" twice');
    const operations = draft();
    operations.operations.push({ id: 'smart-crop', name: 'Smart Crop again' });
    expect(catalogError(operations).message).toContain('has operation "smart-crop" twice');
  });

  test('numbers instead of decimal strings, and missing fields', () => {
    const numeric = draft();
    growthOf(numeric).priceUsd = 250;
    expect(catalogError(numeric).message).toContain(
      'plan "growth", priceUsd must be text (a JSON string), not 250',
    );
    const nameless = draft();
    delete growthOf(nameless).name;
    expect(catalogError(nameless).message).toContain('plan "growth", name is required');
    const blank = draft();
    growthOf(blank).name = ' ';
    expect(catalogError(blank).message).toContain('plan "growth", name must not be empty');
    expect(catalogError(null).code).toBe('invalid_catalog');
    expect(catalogError({ operations: [], plans: [] }).message).toContain(
      "the catalogue's operations must not be empty",
    );
  });
});
