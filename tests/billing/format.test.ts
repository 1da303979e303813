import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isLow } from '../../lib/billing/capacity.ts';
import { formatCompactCredits } from '../../lib/billing/compact-credits.ts';
import { parseUsd, roundUnitUsd, toUsdString } from '../../lib/billing/decimal.ts';
import {
  formatCreditAmount,
  formatCredits,
  formatDate,
  formatResetDate,
  formatUnitUsd,
  formatUsd,
} from '../../lib/billing/format.ts';

describe('formatting for people (en-US)', () => {
  test('credits with grouping and their unit', () => {
    expect(formatCredits('4570')).toBe('4,570 credits');
    expect(formatCredits('4568.7')).toBe('4,568.7 credits');
    expect(formatCredits('1')).toBe('1 credit');
    expect(formatCreditAmount('137.6')).toBe('137.6');
    expect(formatCreditAmount('0.001')).toBe('0.001');
  });

  test("digits beyond a float's precision survive: formatting works from the decimal text", () => {
    expect(formatCreditAmount('9007199254740993.001')).toBe('9,007,199,254,740,993.001');
  });

  test('dollars: charges to cents, unit prices to 4 places half-up', () => {
    expect(formatUsd('0.41')).toBe('$0.41');
    expect(formatUsd('250')).toBe('$250.00');
    expect(formatUsd('1234.5')).toBe('$1,234.50');
    expect(formatUnitUsd('0.05470459')).toBe('$0.0547');
    expect(formatUnitUsd('0.00005')).toBe('$0.0001');
  });

  test('compact credits truncate and never overstate', () => {
    expect(formatCompactCredits('4570')).toBe('4.5k');
    expect(formatCompactCredits('950')).toBe('950');
    expect(formatCompactCredits('999.9')).toBe('999');
    expect(formatCompactCredits('1000')).toBe('1k');
    expect(formatCompactCredits('9999')).toBe('9.9k');
    expect(formatCompactCredits('12345')).toBe('12k');
    expect(formatCompactCredits('1999999')).toBe('1.9M');
    expect(formatCompactCredits('0.5')).toBe('0');
  });

  test("reset and full dates are in UTC, the cycle's calendar", () => {
    expect(formatResetDate('2026-11-02T00:00:00.000Z')).toBe('resets Nov 2');
    expect(formatResetDate('2026-11-02T23:30:00.000Z')).toBe('resets Nov 2');
    expect(formatDate('2026-06-08T00:00:00.000Z')).toBe('Jun 8, 2026');
    expect(() => formatDate('next tuesday')).toThrowError(
      expect.objectContaining({ code: 'invalid_instant' }),
    );
  });
});

describe('running low', () => {
  test("low below 10% of the term's credits", () => {
    expect(isLow('456.9', '4570')).toBe(true);
    expect(isLow('457', '4570')).toBe(false);
  });
});

describe('formatting reads the decimal text, with no decimal arithmetic', () => {
  test('Intl rounds dollars half-up exactly as lib/billing rounds them', () => {
    const amount = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 8 }))
      .map(([digits, places]) => {
        const text = digits.toString().padStart(places + 1, '0');
        return places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
      });
    fc.assert(
      fc.property(amount, (usd) => {
        const cents = toUsdString(parseUsd(usd));
        const unit = toUsdString(roundUnitUsd(parseUsd(usd)), 4);
        expect(formatUsd(usd)).toBe(formatUsd(cents));
        expect(formatUnitUsd(usd)).toBe(formatUnitUsd(unit));
        expect(formatUsd(usd).replace(/[$,]/g, '')).toBe(cents);
        expect(formatUnitUsd(usd).replace(/[$,]/g, '')).toBe(unit);
      }),
      { numRuns: 500 },
    );
  });

  test('bad input still gets a clear error; an exact zero change has no sign', () => {
    expect(() => formatCredits('1e3')).toThrow(/decimal number written as text/);
    expect(() => formatCredits('1.0001')).toThrow(/at most 3 decimal places/);
    expect(() => formatUsd('-1')).toThrow(/cannot be negative/);
    expect(formatCredits('-0')).toBe('0 credits');
    expect(formatCredits('-1.000')).toBe('-1 credit');
    expect(formatCredits('1.500')).toBe('1.5 credits');
  });
});
