import { rateOf } from './catalog.ts';
import { Decimal, parseCredits } from './decimal.ts';
import { BillingError } from './errors.ts';
import type { Credits, OperationId, Plan } from './types.ts';

/**
 * How many operations the available credits cover: floor(available / rate), never rounded
 * (500 / 1.3 = 384.6 → 384, since 385 × 1.3 = 500.5 > 500).
 */
export function maxOperations(plan: Plan, available: Credits, operation: OperationId): number {
  const rate = parseCredits(rateOf(plan, operation));
  if (rate.isZero()) {
    throw new BillingError(
      'invalid_catalog',
      `The rate of "${operation}" must be above 0 credits.`,
    );
  }
  const balance = parseCredits(available, 'Available credits');
  let count = balance.dividedToIntegerBy(rate);
  // Division is rounded to 40 digits; the multiplication below is exact, so it has the last word.
  while (count.greaterThan(0) && count.times(rate).greaterThan(balance)) count = count.minus(1);
  while (count.plus(1).times(rate).lessThanOrEqualTo(balance)) count = count.plus(1);
  // An exact whole number by now, so the conversion to a JS number cannot change it.
  return Number.parseInt(count.toString(), 10);
}

/** Maximum operations of every operation the plan prices. */
export function remainingOperations(plan: Plan, available: Credits): Record<OperationId, number> {
  const remaining: Record<OperationId, number> = {};
  for (const operation of Object.keys(plan.rates)) {
    remaining[operation] = maxOperations(plan, available, operation);
  }
  return remaining;
}

/** Below this share of the term's credits the balance is shown as running low. */
const LOW_SHARE = new Decimal('0.1');

/** True when fewer than 10% of the term's credits are left (or none were granted). */
export function isLow(available: Credits, granted: Credits): boolean {
  const whole = parseCredits(granted, 'Granted credits');
  return parseCredits(available, 'Available credits').lessThan(whole.times(LOW_SHARE));
}
