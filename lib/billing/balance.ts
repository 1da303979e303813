import { Decimal, parseCredits } from './decimal';
import type { Credits } from './types';

/** Below this share of the term's credits the balance is shown as running low. */
const LOW_SHARE = new Decimal('0.1');

/** True when fewer than 10% of the term's credits are left (or none were granted). */
export function isLow(available: Credits, granted: Credits): boolean {
  const whole = parseCredits(granted, 'Granted credits');
  return parseCredits(available, 'Available credits').lessThan(whole.times(LOW_SHARE));
}
