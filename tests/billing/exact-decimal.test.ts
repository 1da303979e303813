import DecimalJs from 'decimal.js/decimal';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import ExactDecimal from '../../lib/billing/exact-decimal.ts';

// The browser bundles' edition against decimal.js itself (imported by a path the billing-light
// project's alias leaves alone), both configured as lib/billing/decimal.ts configures Tally's.
const config = {
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
};
const Reference = DecimalJs.clone(config);
const Exact = ExactDecimal.clone(config);
// Wide enough that a product of two operands below is exact.
const Wide = DecimalJs.clone({ ...config, precision: 200 });
const RUNS = { numRuns: 2000 };

type Shown = { text: string; negative: boolean; value: string };
const shown = (x: DecimalJs | ExactDecimal): Shown => ({
  text: x.toString(),
  negative: x.isNegative(),
  value: x.valueOf(),
});

const digitText = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength, maxLength });
const sign = fc.constantFrom('', '-');
const scaled = (units: bigint, places: number) => {
  const digits = (units < 0n ? -units : units).toString().padStart(places + 1, '0');
  const point = digits.length - places;
  const text = places ? `${digits.slice(0, point)}.${digits.slice(point)}` : digits;
  return units < 0n ? `-${text}` : text;
};

// What Tally computes with: credits (3 places, up to 1e12, signed as ledger changes), dollars
// (up to 8 places), rates and unit prices (up to 12 places), and zero of either sign.
const tallyShaped = fc.oneof(
  fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map((units) => scaled(units, 3)),
  fc.bigInt({ min: 0n, max: 10n ** 17n }).map((units) => scaled(units, 8)),
  fc
    .tuple(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.integer({ min: 0, max: 12 }))
    .map(([units, places]) => scaled(units, places)),
  fc.constantFrom('0', '-0', '1', '0.001', '1.3', '0.05', '250', '-130'),
);

// What breaks a careless implementation: up to 60 digits, a 5 (a rounding tie) at any place,
// nines that carry, powers of ten far apart, magnitudes at and beyond the 40-digit precision.
const adversarial = fc.oneof(
  fc
    .tuple(sign, digitText(1, 60), fc.integer({ min: -70, max: 70 }))
    .map(([minus, digits, exponent]) => `${minus}${digits}e${exponent}`),
  fc
    .tuple(
      sign,
      digitText(0, 45),
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: -50, max: 50 }),
    )
    .map(
      ([minus, digits, zeros, exponent]) => `${minus}${digits}5${'0'.repeat(zeros)}e${exponent}`,
    ),
  fc
    .tuple(sign, fc.integer({ min: 1, max: 45 }), fc.integer({ min: -50, max: 10 }))
    .map(([minus, nines, exponent]) => `${minus}${'9'.repeat(nines)}e${exponent}`),
  fc
    .tuple(sign, fc.integer({ min: -600, max: 600 }))
    .map(([minus, exponent]) => `${minus}1e${exponent}`),
  fc.constantFrom('0', '-0', '0.5', '-0.5', '2', '3', '7', '0.125', '1e40', '1e-40'),
);

describe.each([
  ['Tally-shaped decimals', tallyShaped],
  ['adversarial decimals', adversarial],
])('on %s the exact edition gives what decimal.js gives', (_shapes, decimal) => {
  const nonZero = decimal.filter((text) => !new Reference(text).isZero());
  const places = fc.integer({ min: 0, max: 14 });
  const rounding = fc.constantFrom<DecimalJs.Rounding>(0, 1, 2, 3, 4, 5, 6, 7, 8);

  test('for the value read, printed and compared', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        const [x, y] = [new Exact(a), new Exact(b)];
        const [rx, ry] = [new Reference(a), new Reference(b)];
        expect(shown(x)).toEqual(shown(rx));
        expect(x.toFixed()).toBe(rx.toFixed());
        expect(x.toNumber()).toBe(rx.toNumber());
        expect(x.toJSON()).toBe(rx.toJSON());
        expect([x.decimalPlaces(), x.isZero(), x.isInteger()]).toEqual([
          rx.decimalPlaces(),
          rx.isZero(),
          rx.isInteger(),
        ]);
        expect(x.comparedTo(y)).toBe(rx.comparedTo(ry));
        expect([x.equals(b), x.lessThan(b), x.lessThanOrEqualTo(b)]).toEqual([
          rx.equals(b),
          rx.lessThan(b),
          rx.lessThanOrEqualTo(b),
        ]);
        expect([x.greaterThan(b), x.greaterThanOrEqualTo(b)]).toEqual([
          rx.greaterThan(b),
          rx.greaterThanOrEqualTo(b),
        ]);
      }),
      RUNS,
    );
  });

  // A divisor is never zero: this edition throws where decimal.js returns Infinity (tested below).
  test.each([
    ['plus', decimal],
    ['minus', decimal],
    ['times', decimal],
    ['dividedBy', nonZero],
    ['dividedToIntegerBy', nonZero],
  ] as const)('for %s, rounded to 40 significant digits', (operation, operand) => {
    fc.assert(
      fc.property(decimal, operand, (a, b) => {
        expect(shown(new Exact(a)[operation](b))).toEqual(shown(new Reference(a)[operation](b)));
      }),
      RUNS,
    );
  });

  test('for a quotient that is exactly a tie at the 41st digit', () => {
    const tie = fc
      .tuple(digitText(40, 40), fc.integer({ min: -20, max: 20 }))
      .map(([digits, exponent]) => `1${digits.slice(1)}5e${exponent}`);
    fc.assert(
      fc.property(tie, nonZero, (quotient, b) => {
        const a = new Wide(quotient).times(b).toFixed();
        expect(shown(new Exact(a).dividedBy(b))).toEqual(shown(new Reference(a).dividedBy(b)));
      }),
      RUNS,
    );
  });

  test('for a sum with zero of either sign, which only rounds', () => {
    const tie = fc
      .tuple(sign, digitText(39, 45), fc.integer({ min: -60, max: 60 }))
      .map(([minus, digits, exponent]) => `${minus}1${digits}5e${exponent}`);
    fc.assert(
      fc.property(fc.oneof(decimal, tie), fc.constantFrom('0', '-0'), (a, zero) => {
        expect(shown(new Exact(a).plus(zero))).toEqual(shown(new Reference(a).plus(zero)));
        expect(shown(new Exact(zero).minus(a))).toEqual(shown(new Reference(zero).minus(a)));
      }),
      RUNS,
    );
  });

  test('for a sum with a part far below the precision, next to a tie', () => {
    // Just below or exactly at a tie at the 41st digit; the tiny part decides the rounding.
    const nearTie = fc
      .tuple(sign, digitText(39, 39), fc.constantFrom('4', '5'), fc.integer({ min: 0, max: 5 }))
      .map(([minus, digits, next, rest]) => {
        const tail = next === '4' ? '9'.repeat(rest + 1) : '0'.repeat(rest);
        return `${minus}1${digits}${next}${tail}e${rest}`;
      });
    const tiny = fc
      .tuple(sign, digitText(1, 20), fc.integer({ min: -200, max: -1 }))
      .map(([minus, digits, exponent]) => `${minus}${digits}e${exponent}`);
    fc.assert(
      fc.property(nearTie, tiny, (a, b) => {
        expect(shown(new Exact(a).plus(b))).toEqual(shown(new Reference(a).plus(b)));
        expect(shown(new Exact(b).minus(a))).toEqual(shown(new Reference(b).minus(a)));
      }),
      RUNS,
    );
  });

  test('for toDecimalPlaces, toFixed and floor with every rounding mode', () => {
    fc.assert(
      fc.property(decimal, places, rounding, (a, dp, rm) => {
        const [x, rx] = [new Exact(a), new Reference(a)];
        expect(shown(x.toDecimalPlaces(dp, rm))).toEqual(shown(rx.toDecimalPlaces(dp, rm)));
        expect(shown(x.toDecimalPlaces(dp))).toEqual(shown(rx.toDecimalPlaces(dp)));
        expect(x.toFixed(dp, rm)).toBe(rx.toFixed(dp, rm));
        expect(x.toFixed(dp)).toBe(rx.toFixed(dp));
        expect(shown(x.floor())).toEqual(shown(rx.floor()));
      }),
      RUNS,
    );
  });

  test('for abs, negated, max and min', () => {
    fc.assert(
      fc.property(decimal, fc.array(decimal, { minLength: 1, maxLength: 4 }), (a, values) => {
        const [x, rx] = [new Exact(a), new Reference(a)];
        expect(shown(x.abs())).toEqual(shown(rx.abs()));
        expect(shown(x.negated())).toEqual(shown(rx.negated()));
        expect(shown(Exact.max(...values))).toEqual(shown(Reference.max(...values)));
        expect(shown(Exact.min(...values))).toEqual(shown(Reference.min(...values)));
      }),
      RUNS,
    );
  });
});

describe('the exact edition', () => {
  test('reads numbers as decimal.js does, through their shortest text', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(shown(new Exact(value))).toEqual(shown(new Reference(value)));
      }),
      RUNS,
    );
  });

  test('reads another Decimal as the same value', () => {
    const x = new Exact('-1234.5678');
    expect(new Exact(x).toString()).toBe('-1234.5678');
    expect(new Exact(x)).not.toBe(x);
  });

  test.each(['', ' 1', '1 ', '.', '1.2.3', 'e5', '1e', '--1', 'abc', '0x10', 'NaN', 'Infinity'])(
    'refuses %j with decimal.js’s invalid-argument error',
    (text) => {
      expect(() => new Exact(text)).toThrow('[DecimalError] Invalid argument');
    },
  );

  test.each([Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses the number %s, which no exact decimal holds',
    (value) => {
      expect(() => new Exact(value)).toThrow('[DecimalError] Invalid argument');
    },
  );

  test('refuses to divide by zero instead of returning Infinity', () => {
    expect(() => new Exact(1).dividedBy('-0')).toThrow('[DecimalError] Division by zero');
    expect(() => new Exact(1).dividedToIntegerBy(0)).toThrow('[DecimalError] Division by zero');
  });

  test('refuses decimal places or a rounding mode decimal.js does not know', () => {
    expect(() => new Exact(1).toDecimalPlaces(-1)).toThrow('[DecimalError] Invalid argument');
    expect(() => new Exact(1).toFixed(1.5)).toThrow('[DecimalError] Invalid argument');
    expect(() => new Exact(1).toDecimalPlaces(2, 9)).toThrow('[DecimalError] Invalid argument');
  });

  test('refuses any configuration but Tally’s rather than compute differently', () => {
    expect(() => ExactDecimal.clone({ ...config, precision: 20 })).toThrow('precision 40');
    expect(() => ExactDecimal.clone({ ...config, toExpPos: 21 })).toThrow('plain notation');
  });
});
