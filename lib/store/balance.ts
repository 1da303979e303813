import type { Snapshot } from '../api/schemas/snapshot.ts';
import { capView } from '../billing/cap-view.ts';
import { isLow } from '../billing/capacity.ts';
import { Decimal, maxDecimal } from '../billing/decimal.ts';
import type { Credits } from '../billing/types.ts';

export interface Balance {
  available: Credits;
  held: Credits;
  used: Credits;
  granted: Credits;
  /** used / granted as a decimal fraction ("0.35"), 0 when nothing was granted. */
  usageRatio: string;
  low: boolean;
  /** Nothing left to spend: no credits available (BalanceChip says "No credits left"). */
  empty: boolean;
  /**
   * The term's overage, with what pending holds were promised, has reached its monthly cap:
   * past the credits no operation can run until the renewal or a higher cap (docs/billing.md,
   * cap).
   */
  capSpent: boolean;
  /** Widths of the meter's segments in percent of the whole ("12.5"), for CSS only. */
  meter: { used: string; held: string; available: string };
}

function percent(part: Decimal, whole: Decimal): string {
  return whole.isZero() ? '0' : part.dividedBy(whole).times(100).toDecimalPlaces(1).toString();
}

function capSpent(snapshot: Snapshot): boolean {
  const { capUsd, usdThisCycle } = capView(snapshot.overage);
  return capUsd !== null && new Decimal(usdThisCycle).greaterThanOrEqualTo(capUsd);
}

export function balanceOf(snapshot: Snapshot): Balance {
  const { available, held, used, granted } = snapshot.credits;
  const a = new Decimal(available);
  const h = new Decimal(held);
  const u = new Decimal(used);
  const g = new Decimal(granted);
  // Held credits survive a renewal (docs/billing.md, Renewal), so the parts may exceed the grant.
  const whole = maxDecimal(g, a.plus(h).plus(u));
  return {
    available,
    held,
    used,
    granted,
    usageRatio: g.isZero() ? '0' : u.dividedBy(g).toDecimalPlaces(4).toString(),
    low: isLow(available, granted),
    empty: a.lessThanOrEqualTo(0),
    capSpent: capSpent(snapshot),
    meter: { used: percent(u, whole), held: percent(h, whole), available: percent(a, whole) },
  };
}
