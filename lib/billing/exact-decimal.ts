/**
 * Tally's own exact decimal for the browser bundles, which alias `decimal.js` to this module
 * (wxt.config.ts, embed/vite.config.ts): a BigInt coefficient and a power-of-ten exponent, a
 * fraction of decimal.js's size. It implements only what lib/billing/decimal.ts types Tally's
 * Decimal as, with decimal.js's results under Tally's configuration (`clone` accepts no other):
 * every result of plus, minus, times, dividedBy and dividedToIntegerBy rounded to 40 significant
 * digits half-up, values kept exactly as written, plain notation, and decimal.js's signed zero
 * ("-0" prints "0" but stays negative). tests/billing/exact-decimal.test.ts compares every
 * operation with decimal.js.
 */

type Value = string | number | Decimal;

/** The configuration decimal.js's `clone` takes, as lib/billing/decimal.ts passes it. */
interface Config {
  precision: number;
  rounding: number;
  toExpNeg: number;
  toExpPos: number;
}

const PRECISION = 40;
const ROUND_UP = 0;
const ROUND_DOWN = 1;
const ROUND_CEIL = 2;
const ROUND_FLOOR = 3;
const ROUND_HALF_UP = 4;
const ROUND_HALF_DOWN = 5;
const ROUND_HALF_EVEN = 6;
const ROUND_HALF_CEIL = 7;
const ROUND_HALF_FLOOR = 8;
// decimal.js's largest exponent; beyond it decimal.js overflows to Infinity, which we refuse.
const MAX_EXPONENT = 9e15;
// Optional sign, digits with an optional point (at least one digit), optional exponent.
const DECIMAL_TEXT = /^([+-]?)(?=\.?\d)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

function invalid(what: unknown): never {
  throw new Error(`[DecimalError] Invalid argument: ${String(what)}`);
}

function digitCount(coefficient: bigint): number {
  return coefficient.toString().length;
}

function powerOfTen(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

/** Whether dropping `remainder`/`unit` below `kept` moves the kept digits away from zero. */
function roundsAway(
  sign: number,
  kept: bigint,
  remainder: bigint,
  unit: bigint,
  rounding: number,
): boolean {
  if (remainder === 0n) return false;
  if (rounding < ROUND_HALF_UP) {
    return (
      rounding === ROUND_UP ||
      (rounding === ROUND_CEIL && sign > 0) ||
      (rounding === ROUND_FLOOR && sign < 0)
    );
  }
  const beyondHalf = 2n * remainder - unit;
  if (beyondHalf !== 0n) return beyondHalf > 0n;
  if (rounding === ROUND_HALF_EVEN) return (kept & 1n) === 1n;
  if (rounding === ROUND_HALF_CEIL) return sign > 0;
  if (rounding === ROUND_HALF_FLOOR) return sign < 0;
  return rounding === ROUND_HALF_UP;
}

export default class Decimal {
  static readonly ROUND_UP = ROUND_UP;
  static readonly ROUND_DOWN = ROUND_DOWN;
  static readonly ROUND_CEIL = ROUND_CEIL;
  static readonly ROUND_FLOOR = ROUND_FLOOR;
  static readonly ROUND_HALF_UP = ROUND_HALF_UP;
  static readonly ROUND_HALF_DOWN = ROUND_HALF_DOWN;
  static readonly ROUND_HALF_EVEN = ROUND_HALF_EVEN;
  static readonly ROUND_HALF_CEIL = ROUND_HALF_CEIL;
  static readonly ROUND_HALF_FLOOR = ROUND_HALF_FLOOR;

  /** -1 or 1, also for zero: decimal.js keeps the sign of a zero. */
  readonly sign: number;
  /** The digits without trailing zeros (0n for zero). */
  readonly coefficient: bigint;
  /** The value is sign × coefficient × 10^exponent (0 for zero). */
  readonly exponent: number;

  constructor(value: Value) {
    const { sign, coefficient, exponent } = value instanceof Decimal ? value : read(value);
    this.sign = sign;
    this.coefficient = coefficient;
    this.exponent = exponent;
  }

  /**
   * decimal.js makes a Decimal with its own settings; this edition has Tally's built in, so it
   * refuses any other rather than compute differently from the server.
   */
  static clone(config: Config): typeof Decimal {
    const { precision, rounding, toExpNeg, toExpPos } = config;
    if (
      precision !== PRECISION ||
      rounding !== ROUND_HALF_UP ||
      toExpNeg > -MAX_EXPONENT ||
      toExpPos < MAX_EXPONENT
    ) {
      throw new Error(
        `[DecimalError] This edition computes with precision ${PRECISION}, ROUND_HALF_UP and plain notation only.`,
      );
    }
    return Decimal;
  }

  /** The largest value; of equal ones, a positive zero before a negative one, as decimal.js. */
  static max(...values: Value[]): Decimal {
    return pick(values, 1);
  }

  static min(...values: Value[]): Decimal {
    return pick(values, -1);
  }

  plus(other: Value): Decimal {
    return add(this, decimalOf(other));
  }

  minus(other: Value): Decimal {
    return add(this, decimalOf(other).negated());
  }

  times(other: Value): Decimal {
    const y = decimalOf(other);
    return rounded(
      this.sign * y.sign,
      this.coefficient * y.coefficient,
      this.exponent + y.exponent,
    );
  }

  /** The quotient to 40 significant digits, half-up. */
  dividedBy(other: Value): Decimal {
    const y = divisor(other);
    const sign = this.sign * y.sign;
    if (this.coefficient === 0n) return exact(sign, 0n, 0);
    // Enough digits that the integer quotient has more than the precision, and a last digit 1
    // for any remainder: it decides a rounding that would otherwise look like a tie or exact.
    const shift = Math.max(
      0,
      PRECISION + 2 + digitCount(y.coefficient) - digitCount(this.coefficient),
    );
    const numerator = this.coefficient * powerOfTen(shift);
    const quotient = numerator / y.coefficient;
    const inexact = numerator % y.coefficient === 0n ? 0n : 1n;
    return rounded(sign, quotient * 10n + inexact, this.exponent - y.exponent - shift - 1);
  }

  /** The integer part of the quotient (towards zero), to 40 significant digits. */
  dividedToIntegerBy(other: Value): Decimal {
    const y = divisor(other);
    const [a, b] = aligned(this, y);
    return rounded(this.sign * y.sign, a / b, 0);
  }

  toDecimalPlaces(places?: number, rounding: number = ROUND_HALF_UP): Decimal {
    if (places === undefined) return new Decimal(this);
    if (!(Number.isInteger(rounding) && rounding >= ROUND_UP && rounding <= ROUND_HALF_FLOOR)) {
      invalid(rounding);
    }
    return roundedAt(this.sign, this.coefficient, this.exponent, -checkedPlaces(places), rounding);
  }

  floor(): Decimal {
    return this.toDecimalPlaces(0, ROUND_FLOOR);
  }

  abs(): Decimal {
    return exact(1, this.coefficient, this.exponent);
  }

  negated(): Decimal {
    return exact(-this.sign, this.coefficient, this.exponent);
  }

  decimalPlaces(): number {
    return Math.max(0, -this.exponent);
  }

  isZero(): boolean {
    return this.coefficient === 0n;
  }

  isInteger(): boolean {
    return this.exponent >= 0;
  }

  isNegative(): boolean {
    return this.sign < 0;
  }

  /** -1, 0 or 1 as this value is less than, equal to or greater than the other. */
  comparedTo(other: Value): number {
    const y = decimalOf(other);
    if (this.coefficient === 0n || y.coefficient === 0n || this.sign !== y.sign) {
      return Math.sign(signOf(this) - signOf(y));
    }
    const top = this.exponent + digitCount(this.coefficient);
    const yTop = y.exponent + digitCount(y.coefficient);
    if (top !== yTop) return top > yTop ? this.sign : -this.sign;
    const [a, b] = aligned(this, y);
    return a === b ? 0 : a > b ? this.sign : -this.sign;
  }

  equals(other: Value): boolean {
    return this.comparedTo(other) === 0;
  }

  lessThan(other: Value): boolean {
    return this.comparedTo(other) < 0;
  }

  lessThanOrEqualTo(other: Value): boolean {
    return this.comparedTo(other) <= 0;
  }

  greaterThan(other: Value): boolean {
    return this.comparedTo(other) > 0;
  }

  greaterThanOrEqualTo(other: Value): boolean {
    return this.comparedTo(other) >= 0;
  }

  /** Plain notation with exactly `places` decimals if given; "-0.00" for a small negative. */
  toFixed(places?: number, rounding: number = ROUND_HALF_UP): string {
    if (places === undefined) return this.toString();
    const text = plain(this.toDecimalPlaces(places, rounding), checkedPlaces(places));
    return this.sign < 0 && this.coefficient !== 0n ? `-${text}` : text;
  }

  /** Plain notation, no trailing zeros, "0" for either zero. */
  toString(): string {
    const text = plain(this, 0);
    return this.sign < 0 && this.coefficient !== 0n ? `-${text}` : text;
  }

  /** As decimal.js: the sign of a negative zero shows here ("-0"), not in toString. */
  valueOf(): string {
    return this.sign < 0 ? `-${plain(this, 0)}` : plain(this, 0);
  }

  toNumber(): number {
    return Number(this.valueOf());
  }

  toJSON(): string {
    return this.valueOf();
  }
}

function read(value: string | number): Decimal {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) invalid(value);
    if (value === 0) return exact(Object.is(value, -0) ? -1 : 1, 0n, 0);
    return read(String(value));
  }
  const parts = typeof value === 'string' ? DECIMAL_TEXT.exec(value) : null;
  if (!parts) return invalid(value);
  const [, sign, whole, fraction = '', exponent = '0'] = parts;
  const scale = Number(exponent) - fraction.length;
  if (Math.abs(scale) > MAX_EXPONENT) invalid(value);
  return exact(sign === '-' ? -1 : 1, BigInt(whole + fraction), scale);
}

/** A Decimal of exactly this value, with the trailing zeros of its coefficient removed. */
function exact(sign: number, coefficient: bigint, exponent: number): Decimal {
  let digits = coefficient;
  let scale = exponent;
  if (digits === 0n) scale = 0;
  else {
    while (digits % 10n === 0n) {
      digits /= 10n;
      scale++;
    }
  }
  const decimal = Object.create(Decimal.prototype) as {
    -readonly [K in keyof Decimal]: Decimal[K];
  };
  decimal.sign = sign;
  decimal.coefficient = digits;
  decimal.exponent = scale;
  return decimal as Decimal;
}

/** Rounded to keep only the digits at `lowest` (a power of ten) and above. */
function roundedAt(
  sign: number,
  coefficient: bigint,
  exponent: number,
  lowest: number,
  rounding: number,
): Decimal {
  const dropped = lowest - exponent;
  if (dropped <= 0) return exact(sign, coefficient, exponent);
  let kept = 0n;
  let remainder = 1n;
  // Below a tenth of the last kept unit: any remainder rounds the same, whatever its digits.
  let unit = 10n;
  if (dropped <= digitCount(coefficient)) {
    unit = powerOfTen(dropped);
    kept = coefficient / unit;
    remainder = coefficient % unit;
  }
  if (roundsAway(sign, kept, remainder, unit, rounding)) kept++;
  return exact(sign, kept, lowest);
}

/** Rounded to 40 significant digits, half-up: every arithmetic result. */
function rounded(sign: number, coefficient: bigint, exponent: number): Decimal {
  const lowest = exponent + digitCount(coefficient) - PRECISION;
  return roundedAt(sign, coefficient, exponent, lowest, ROUND_HALF_UP);
}

function decimalOf(value: Value): Decimal {
  return value instanceof Decimal ? value : new Decimal(value);
}

function divisor(value: Value): Decimal {
  const y = decimalOf(value);
  if (y.coefficient === 0n) throw new Error('[DecimalError] Division by zero');
  return y;
}

function checkedPlaces(places: number): number {
  if (!Number.isInteger(places) || places < 0 || places > 1e9) invalid(places);
  return places;
}

function signOf(x: Decimal): number {
  return x.coefficient === 0n ? 0 : x.sign;
}

/** Both coefficients scaled to the lower exponent of the two. */
function aligned(x: Decimal, y: Decimal): [bigint, bigint] {
  const lowest = Math.min(x.exponent, y.exponent);
  return [
    x.coefficient * powerOfTen(x.exponent - lowest),
    y.coefficient * powerOfTen(y.exponent - lowest),
  ];
}

function add(x: Decimal, y: Decimal): Decimal {
  if (x.coefficient === 0n && y.coefficient === 0n) {
    return exact(x.sign < 0 && y.sign < 0 ? -1 : 1, 0n, 0);
  }
  return sum(condensed(x, y), condensed(y, x));
}

/**
 * `x` itself, or if it lies wholly below both the other's last digit and the precision's reach, a
 * single digit below them of its sign: the sum rounds the same (no rounding boundary can fall
 * between them), and 1e-500 + 1e500 needs no 1,000-digit BigInt. Never for a zero, which would
 * turn a tie of the other (rounded up) into less than one.
 */
function condensed(x: Decimal, other: Decimal): Decimal {
  if (x.coefficient === 0n || other.coefficient === 0n) return x;
  const otherTop = other.exponent + digitCount(other.coefficient);
  const reach = Math.min(other.exponent, otherTop - PRECISION - 2);
  if (x.exponent + digitCount(x.coefficient) >= reach) return x;
  return exact(x.sign, 1n, reach - 1);
}

function sum(x: Decimal, y: Decimal): Decimal {
  const [a, b] = aligned(x, y);
  const total = BigInt(x.sign) * a + BigInt(y.sign) * b;
  const exponent = Math.min(x.exponent, y.exponent);
  return rounded(total < 0n ? -1 : 1, total < 0n ? -total : total, exponent);
}

function pick(values: Value[], direction: number): Decimal {
  if (values.length === 0) invalid('no values');
  let best = decimalOf(values[0] as Value);
  for (const value of values.slice(1)) {
    const y = decimalOf(value);
    const order = y.comparedTo(best) * direction;
    if (order > 0 || (order === 0 && best.sign === -direction)) best = y;
  }
  return new Decimal(best);
}

/** The digits with the point placed, zero-padded to at least `places` decimals. */
function plain(x: Decimal, places: number): string {
  const digits = x.coefficient.toString();
  const { exponent } = x;
  if (exponent >= 0) {
    const whole = digits + '0'.repeat(x.coefficient === 0n ? 0 : exponent);
    return places > 0 ? `${whole}.${'0'.repeat(places)}` : whole;
  }
  const padded = digits.padStart(1 - exponent, '0');
  const point = padded.length + exponent;
  return `${padded.slice(0, point)}.${padded.slice(point).padEnd(places, '0')}`;
}
