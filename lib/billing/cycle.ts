import { instantMs, toInstant } from './instant.ts';
import type { Cycle, Instant } from './types.ts';

/**
 * anchor + k months: the anchor's day of month clamped to the target month's length, the
 * anchor's time of day kept. Always counted from the anchor, never from the previous
 * boundary, so Jan 31 → Feb 28 → Mar 31 → Apr 30 (docs/billing.md, Billing cycle).
 */
export function addMonths(anchor: Instant, k: number): Instant {
  // Every change asks for its term's bounds, often more than once: a pure answer, kept.
  const key = `${anchor}|${k}`;
  let found = monthsLater.get(key);
  if (found === undefined) {
    if (monthsLater.size >= KEPT_MONTHS) monthsLater.clear();
    found = computeAddMonths(anchor, k);
    monthsLater.set(key, found);
  }
  return found;
}

const KEPT_MONTHS = 4096;
const monthsLater = new Map<string, Instant>();

function computeAddMonths(anchor: Instant, k: number): Instant {
  const start = new Date(instantMs(anchor, 'The anchor'));
  const timeOfDay =
    start.getTime() - Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
  // Date.UTC normalises a month index past 11 (or below 0) into the right year.
  const firstOfTarget = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + k, 1));
  const year = firstOfTarget.getUTCFullYear();
  const month = firstOfTarget.getUTCMonth();
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(start.getUTCDate(), daysInMonth);
  return toInstant(Date.UTC(year, month, day) + timeOfDay);
}

/** The current term as the half-open interval [start, end). */
export function termBounds(cycle: Cycle): { start: Instant; end: Instant } {
  return {
    start: addMonths(cycle.anchor, cycle.term),
    end: addMonths(cycle.anchor, cycle.term + 1),
  };
}

/** The k whose term [anchor + k months, anchor + (k + 1) months) contains the instant. */
export function termIndexAt(anchor: Instant, instant: Instant): number {
  const from = new Date(instantMs(anchor, 'The anchor'));
  const atMs = instantMs(instant);
  const at = new Date(atMs);
  // A first guess from the calendar months, then corrected by at most a step either way.
  let k =
    (at.getUTCFullYear() - from.getUTCFullYear()) * 12 + (at.getUTCMonth() - from.getUTCMonth());
  while (instantMs(addMonths(anchor, k)) > atMs) k -= 1;
  while (instantMs(addMonths(anchor, k + 1)) <= atMs) k += 1;
  return k;
}

/** The ends of the current and later terms that are ≤ now, in order: the renewals due. */
export function renewalsBetween(cycle: Cycle, now: Instant): Instant[] {
  const last = termIndexAt(cycle.anchor, now);
  const due: Instant[] = [];
  for (let k = cycle.term + 1; k <= last; k += 1) due.push(addMonths(cycle.anchor, k));
  return due;
}
