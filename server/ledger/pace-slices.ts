import { Decimal, parseCredits, toCreditsString } from '../../lib/billing/decimal.ts';
import { instantMs } from '../../lib/billing/instant.ts';
import type { Credits } from '../../lib/billing/types.ts';
import type { Range, UsageRow } from './ledger.ts';

/** How many accounts' days are kept; the oldest read is forgotten first. */
const KEPT_DAYS = 10_000;

/** One UTC day's usage of an account: its instants ascending, and what was used from each on. */
interface Day {
  atMs: number[];
  /** usedFrom[i]: the credits (plan and overage) of the operations at atMs[i] and after. */
  usedFrom: Decimal[];
}

function dayOf(rows: readonly UsageRow[]): Day {
  const sorted = rows
    .map((row) => ({
      atMs: instantMs(row.at),
      used: parseCredits(row.credits).plus(parseCredits(row.overageCredits)),
    }))
    .sort((a, b) => a.atMs - b.atMs);
  const usedFrom: Decimal[] = new Array(sorted.length + 1);
  usedFrom[sorted.length] = new Decimal(0);
  for (let i = sorted.length - 1; i >= 0; i--) {
    usedFrom[i] = (usedFrom[i + 1] as Decimal).plus((sorted[i] as { used: Decimal }).used);
  }
  return { atMs: sorted.map(({ atMs }) => atMs), usedFrom };
}

/** The first index whose instant is at or after `ms` (atMs is ascending). */
function firstFrom(atMs: readonly number[], ms: number): number {
  let low = 0;
  let high = atMs.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((atMs[middle] as number) < ms) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The usage of the pace window's partial first day (lib/billing's `paceWindow`), exact to the
 * entry. That day ended at least six days ago, so its entries never change: each account's day
 * is read from the ledger once, and every Snapshot after sums its part of it from memory.
 */
export class PaceSlices {
  private readonly days = new Map<string, Promise<Day>>();

  /**
   * The credits the account's operations used in `[slice.from, slice.to)`, one UTC day at most;
   * `read` reads the account's usage in a range when its day is not known yet.
   */
  async used(
    accountId: string,
    slice: Range,
    read: (range: Range) => Promise<UsageRow[]>,
  ): Promise<Credits> {
    const dayStart = `${slice.from.slice(0, 10)}T00:00:00.000Z`;
    const key = `${accountId}/${dayStart}`;
    let day = this.days.get(key);
    if (!day) {
      day = read({ from: dayStart, to: slice.to }).then(dayOf);
      this.days.set(key, day);
      // A failed read is not kept: the next Snapshot reads again.
      day.catch(() => this.days.delete(key));
      if (this.days.size > KEPT_DAYS) this.days.delete(this.days.keys().next().value as string);
    }
    const { atMs, usedFrom } = await day;
    return toCreditsString(usedFrom[firstFrom(atMs, instantMs(slice.from))] as Decimal);
  }
}
