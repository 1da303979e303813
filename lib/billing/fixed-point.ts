import { BillingError } from './errors.ts';

// Exact fixed-point arithmetic on BigInt for sums that are products and quotients of a few
// decimals (the insight's projections): a value with `places` decimals is the integer
// value × 10^places, and a quotient is rounded once, at the end, from the exact fraction.

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** The integer `text × 10^places`; more decimals than `places` (or no decimal) throws. */
export function toScaled(text: string, places: number): bigint {
  const match = DECIMAL.exec(text);
  const fraction = match?.[3] ?? '';
  if (!match || fraction.length > places) {
    throw new BillingError(
      'invalid_decimal',
      `"${text}" is not a decimal of at most ${places} places.`,
    );
  }
  const magnitude = BigInt(`${match[2]}${fraction.padEnd(places, '0')}`);
  return match[1] ? -magnitude : magnitude;
}

/** How many decimals `text` has ("0.10" → 2). */
export function placesOf(text: string): number {
  return DECIMAL.exec(text)?.[3]?.length ?? 0;
}

/** numerator / denominator rounded half-up (half away from zero); the denominator is > 0. */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  const twice = 2n * (numerator < 0n ? -numerator : numerator) + denominator;
  const magnitude = twice / (2n * denominator);
  return numerator < 0n ? -magnitude : magnitude;
}

/** numerator / denominator rounded towards zero; the denominator is > 0. */
export function roundDown(numerator: bigint, denominator: bigint): bigint {
  return numerator / denominator;
}

/** The canonical text of `value × 10^-places` ("258.571", "1300", "-2.6"; "0" for zero). */
export function formatScaled(value: bigint, places: number): string {
  const sign = value < 0n ? '-' : '';
  const digits = (value < 0n ? -value : value).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places).replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Dollars in cents as "1473.00". */
export function formatCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const digits = (cents < 0n ? -cents : cents).toString().padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
