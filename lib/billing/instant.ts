import { BillingError } from './errors.ts';
import type { Instant } from './types.ts';

// Date.parse also takes "Nov 2 2026" in the machine's time zone: only a full ISO-8601 instant
// with its offset says which moment it is.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch of an ISO-8601 instant; anything else throws. */
export function instantMs(instant: Instant, what = 'An instant'): number {
  const ms =
    typeof instant === 'string' && ISO_INSTANT.test(instant) ? Date.parse(instant) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new BillingError(
      'invalid_instant',
      `${what} must be an ISO-8601 date and time like "2026-05-08T00:00:00.000Z"; got ${JSON.stringify(instant)}.`,
    );
  }
  return ms;
}

/** The canonical form of an instant: "2026-05-08T00:00:00.000Z". */
export function toInstant(ms: number): Instant {
  return new Date(ms).toISOString();
}

export function addSeconds(instant: Instant, seconds: number): Instant {
  return toInstant(instantMs(instant) + seconds * 1000);
}
