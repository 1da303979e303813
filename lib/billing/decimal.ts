import DecimalJs from 'decimal.js';
import {
  CREDIT_CHANGE,
  CREDIT_PLACES,
  CREDITS,
  checkDecimalText,
  type DecimalRule,
  USD,
} from './decimal-text.ts';
import { BillingError } from './errors.ts';
import type ExactDecimal from './exact-decimal.ts';
import type { Credits, Usd } from './types.ts';

/**
 * Tally's own decimal.js: 40 significant digits (far beyond any balance or charge), half-up
 * rounding as docs/billing.md requires, and plain notation so strings never turn into "1e-7".
 * A clone, so nobody else's Decimal settings can change our arithmetic.
 *
 * Typed as Tally's exact decimal (exact-decimal.ts), the small BigInt edition that the browser
 * bundles alias decimal.js to (wxt.config.ts, embed/vite.config.ts): the compiler refuses any
 * method it lacks, and the billing tests run under both editions (vitest.config.ts).
 */
export const Decimal: typeof ExactDecimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
}) as unknown as typeof ExactDecimal;
export type Decimal = ExactDecimal;

const CENT_PLACES = 2;
const UNIT_PRICE_PLACES = 4;

/**
 * The decimals parsed lately, per rule (a text that passed a rule always passes it): the same
 * rates, prices and balances come by on every change. A Decimal never changes, so one object
 * serves every caller.
 */
const parsed = new Map<DecimalRule, Map<string, Decimal>>();
const KEPT_PARSES = 2048;

function parseDecimal(value: unknown, rule: DecimalRule, what: string): Decimal {
  let known = parsed.get(rule);
  if (!known) {
    known = new Map();
    parsed.set(rule, known);
  }
  const found = typeof value === 'string' ? known.get(value) : undefined;
  if (found) return found;
  const decimal = new Decimal(checkDecimalText(value, { ...rule, what }));
  if (known.size >= KEPT_PARSES) known.clear();
  known.set(value as string, decimal);
  return decimal;
}

/** A non-negative credit amount with at most 3 decimal places; anything else throws. */
export function parseCredits(value: unknown, what = CREDITS.what): Decimal {
  return parseDecimal(value, CREDITS, what);
}

/** A signed change in credits (ledger entries), at most 3 decimal places. */
export function parseCreditChange(value: unknown, what = CREDIT_CHANGE.what): Decimal {
  return parseDecimal(value, CREDIT_CHANGE, what);
}

/** A non-negative dollar amount, any precision (unit prices keep all their digits). */
export function parseUsd(value: unknown, what = USD.what): Decimal {
  return parseDecimal(value, USD, what);
}

/** A charge is rounded once, to cents, half-up. */
export function roundCents(usd: Decimal): Decimal {
  return usd.toDecimalPlaces(CENT_PLACES, Decimal.ROUND_HALF_UP);
}

/** Unit prices shown to people: 4 decimal places, half-up. */
export function roundUnitUsd(usd: Decimal): Decimal {
  return usd.toDecimalPlaces(UNIT_PRICE_PLACES, Decimal.ROUND_HALF_UP);
}

/** Canonical credits text: exact, no trailing zeros ("4568.7", "-130"). */
export function toCreditsString(credits: Decimal): Credits {
  if (credits.decimalPlaces() > CREDIT_PLACES) {
    throw new BillingError(
      'invalid_decimal',
      `Credits are exact to ${CREDIT_PLACES} decimal places; ${credits.toString()} needs more.`,
    );
  }
  return credits.isZero() ? '0' : credits.toString();
}

/** Dollars with a fixed number of places: 2 for charges ("0.41"), 4 for unit prices ("0.0547"). */
export function toUsdString(usd: Decimal, places: 2 | 4 = CENT_PLACES): Usd {
  const rounded = usd.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  const text = rounded.isZero() ? '0' : rounded.toString();
  const [whole, fraction = ''] = text.split('.');
  return `${whole}.${fraction.padEnd(places, '0')}`;
}

/** Canonical text of a dollar amount at full precision (credit value: "0.05470459…"). */
export function toExactUsdString(usd: Decimal): Usd {
  return usd.isZero() ? '0' : usd.toString();
}

export function minDecimal(a: Decimal, b: Decimal): Decimal {
  return a.lessThanOrEqualTo(b) ? a : b;
}

export function maxDecimal(a: Decimal, b: Decimal): Decimal {
  return a.greaterThanOrEqualTo(b) ? a : b;
}

export function sumDecimals(values: Iterable<Decimal>): Decimal {
  let total = new Decimal(0);
  for (const value of values) total = total.plus(value);
  return total;
}
