import { Decimal, parseCredits } from './decimal';
import type { Credits } from './types';

/** Below this share of the term's credits the balance is shown as running low. */
const LOW_SHARE = new Decimal('0.1');

/** available / granted in [0, 1], for a meter's width (display only, 4 places). */
export function balanceRatio(available: Credits, granted: Credits): number {
  const whole = parseCredits(granted, 'Granted credits');
  if (whole.isZero()) return 0;
  const share = parseCredits(available, 'Available credits').dividedBy(whole);
  return Decimal.min(share, 1).toDecimalPlaces(4, Decimal.ROUND_DOWN).toNumber();
}

/** True when fewer than 10% of the term's credits are left (or none were granted). */
export function isLow(available: Credits, granted: Credits): boolean {
  const whole = parseCredits(granted, 'Granted credits');
  return parseCredits(available, 'Available credits').lessThan(whole.times(LOW_SHARE));
}
