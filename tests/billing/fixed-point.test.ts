import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Decimal } from '../../lib/billing/decimal.ts';
import {
  formatCents,
  formatScaled,
  roundDown,
  roundHalfUp,
  toScaled,
} from '../../lib/billing/fixed-point.ts';

describe('fixed point on BigInt', () => {
  test('a decimal text becomes its integer at a scale; more places than that is refused', () => {
    expect(toScaled('258.571', 3)).toBe(258571n);
    expect(toScaled('-2.6', 3)).toBe(-2600n);
    expect(toScaled('4570', 3)).toBe(4570000n);
    expect(() => toScaled('0.0005', 3)).toThrow('at most 3 places');
    expect(() => toScaled('1e3', 3)).toThrow();
  });

  test('canonical text back: trailing zeros dropped, zero is "0", cents always two places', () => {
    expect(formatScaled(258571n, 3)).toBe('258.571');
    expect(formatScaled(1300000n, 3)).toBe('1300');
    expect(formatScaled(-50n, 3)).toBe('-0.05');
    expect(formatScaled(0n, 3)).toBe('0');
    expect(formatCents(147300n)).toBe('1473.00');
    expect(formatCents(5n)).toBe('0.05');
  });

  test('property: rounding a fraction matches decimal.js, half-up away from zero and down', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        (numerator, denominator) => {
          const exact = new Decimal(numerator.toString()).dividedBy(denominator.toString());
          // 40 significant digits hold every quotient of these sizes to well past the point.
          expect(roundHalfUp(numerator, denominator).toString()).toBe(
            exact.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toString(),
          );
          expect(roundDown(numerator, denominator).toString()).toBe(
            exact.toDecimalPlaces(0, Decimal.ROUND_DOWN).toString(),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
