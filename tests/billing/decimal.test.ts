import { describe, expect, test } from 'vitest';
import {
  Decimal,
  parseCredits,
  parseUsd,
  roundCents,
  roundUnitUsd,
  toCreditsString,
  toUsdString,
} from '../../lib/billing/decimal.ts';
import ExactDecimal from '../../lib/billing/exact-decimal.ts';
import { billingErrorOf } from './billing-error-of.ts';

describe('parseCredits', () => {
  test('reads exact decimals up to 3 places', () => {
    expect(parseCredits('4568.7').toString()).toBe('4568.7');
    expect(parseCredits('0.001').toString()).toBe('0.001');
    expect(parseCredits('2.0').equals(2)).toBe(true);
  });

  test.each([
    ['1.0001', 'at most 3 decimal places'],
    ['-1', 'cannot be negative'],
    ['1e3', 'decimal number written as text'],
    ['', 'decimal number written as text'],
    [' 1', 'decimal number written as text'],
    ['1.', 'decimal number written as text'],
    ['NaN', 'decimal number written as text'],
    ['Infinity', 'decimal number written as text'],
    [12, 'decimal number written as text'],
  ])('rejects %j with a readable invalid_decimal error', (input, words) => {
    const error = billingErrorOf(() => parseCredits(input));
    expect(error.code).toBe('invalid_decimal');
    expect(error.message).toContain(words);
  });
});

describe('parseUsd', () => {
  test('keeps every digit of a unit price', () => {
    expect(parseUsd('0.05470459518').toString()).toBe('0.05470459518');
  });

  test('rejects a negative amount', () => {
    expect(billingErrorOf(() => parseUsd('-0.01')).code).toBe('invalid_decimal');
  });
});

describe('rounding', () => {
  test('a charge rounds once to cents, half-up', () => {
    expect(toUsdString(roundCents(new Decimal('0.205')))).toBe('0.21');
    expect(toUsdString(roundCents(new Decimal('0.2049')))).toBe('0.20');
    expect(toUsdString(roundCents(new Decimal('0.0001')))).toBe('0.00');
  });

  test('a unit price rounds to 4 places, half-up', () => {
    expect(toUsdString(roundUnitUsd(new Decimal('0.05475')), 4)).toBe('0.0548');
    expect(toUsdString(roundUnitUsd(new Decimal('0.05470459')), 4)).toBe('0.0547');
  });

  test('the clone is exact where binary floats are not: 0.1 + 0.2 = 0.3', () => {
    expect(new Decimal('0.1').plus('0.2').toString()).toBe('0.3');
  });
});

describe('canonical strings', () => {
  test('credits drop trailing zeros and never print -0 or exponents', () => {
    expect(toCreditsString(new Decimal('4568.700'))).toBe('4568.7');
    expect(toCreditsString(new Decimal('0').negated())).toBe('0');
    expect(toCreditsString(new Decimal('0.001'))).toBe('0.001');
    expect(toCreditsString(new Decimal('-130'))).toBe('-130');
    expect(toCreditsString(new Decimal('123456789012'))).toBe('123456789012');
  });

  test('credits needing a 4th decimal place are refused, not rounded', () => {
    expect(billingErrorOf(() => toCreditsString(new Decimal('0.0001'))).code).toBe(
      'invalid_decimal',
    );
  });

  test('dollars keep 2 places for charges and 4 for unit prices', () => {
    expect(toUsdString(new Decimal('0.4'))).toBe('0.40');
    expect(toUsdString(new Decimal('250'))).toBe('250.00');
    expect(toUsdString(new Decimal('0.0547'), 4)).toBe('0.0547');
    expect(toUsdString(new Decimal('0'), 4)).toBe('0.0000');
  });
});

describe('the decimal edition', () => {
  // The billing-exact project (vitest.config.ts) aliases decimal.js to Tally's exact decimal, as
  // the browser bundles do; this proves the alias took effect there and nowhere else.
  test('is the one the project runs the rules under', () => {
    const exact = process.env.TALLY_DECIMAL_EDITION === 'exact-decimal';
    expect(new Decimal(1) instanceof ExactDecimal).toBe(exact);
  });
});
