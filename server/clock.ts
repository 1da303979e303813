import { addMonths } from '../lib/billing/index.ts';

/** Where the server's "now" comes from: the ledger never reads Date itself. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class ClockError extends Error {}

/**
 * The dev clock stops short of year 10000: instants are written with four-digit years
 * (docs/billing.md), and a term or a hold that starts just before still has room to end.
 */
const latestMs = Date.UTC(9999, 0, 1);

/**
 * The dev clock of docs/api.md (TALLY_DEV_CLOCK=1): it follows the system clock until it is set;
 * once set or advanced it stands still until moved again, and it never moves backwards, so a
 * test can walk an account through renewals deterministically. The first set may pick any
 * instant, past or future: that is where the test's calendar starts.
 */
export class DevClock implements Clock {
  private fixed: Date | null = null;
  private readonly moved: (() => void)[] = [];

  /** Called after every set or advance (the webhook sender: retries may have come due). */
  onMove(listener: () => void): void {
    this.moved.push(listener);
  }

  now(): Date {
    return new Date((this.fixed ?? new Date()).getTime());
  }

  set(instant: Date): Date {
    if (Number.isNaN(instant.getTime())) throw new ClockError('now is not a valid instant');
    if (instant.getTime() > latestMs) {
      throw new ClockError(`The dev clock goes no later than ${new Date(latestMs).toISOString()}`);
    }
    if (this.fixed && instant.getTime() < this.fixed.getTime()) {
      throw new ClockError(
        `The clock never moves backwards: ${instant.toISOString()} is before ${this.now().toISOString()}`,
      );
    }
    this.fixed = new Date(instant.getTime());
    for (const listener of this.moved) listener();
    return this.now();
  }

  advance(duration: string): Date {
    return this.set(addDuration(this.now(), duration));
  }
}

const durationPattern =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/;

/**
 * Adds an ISO-8601 duration (P1M, P3D, PT2H, P1Y2M3DT4H5M6S). Years and months move the
 * calendar date as billing terms do (Jan 31 + P1M = Feb 28); weeks, days and time parts are
 * exact UTC spans.
 */
function addDuration(from: Date, duration: string): Date {
  const match = durationPattern.exec(duration);
  if (!match)
    throw new ClockError(`"${duration}" is not an ISO-8601 duration like P1M, P3D or PT2H`);
  const [, y, mo, w, d, h, mi, s] = match;
  const months = Number(y ?? 0) * 12 + Number(mo ?? 0);
  // Past the clock's range anyway; Date cannot even represent some of these (RangeError).
  if (months > 12 * 10_000) {
    throw new ClockError(`"${duration}" moves the clock past year 9999`);
  }
  // The month rule of the billing cycle (clamped day, same time of day) is lib/billing's.
  const target = months > 0 ? new Date(addMonths(from.toISOString(), months)) : from;
  const ms =
    ((Number(w ?? 0) * 7 + Number(d ?? 0)) * 24 + Number(h ?? 0)) * 3_600_000 +
    Number(mi ?? 0) * 60_000 +
    Math.round(Number(s ?? 0) * 1000);
  return new Date(target.getTime() + ms);
}
