import { parseUsd, sumDecimals, toUsdString } from './decimal.ts';
import type { Hold, OverageState, Usd } from './types.ts';

/** The overage consented to by the account's pending holds. */
export function promisedUsd(holds: readonly Hold[]): Usd {
  // Most accounts have none: every debit's Snapshot asks.
  if (holds.length === 0) return '0.00';
  return toUsdString(sumDecimals(holds.map((hold) => parseUsd(hold.overageUsd))));
}

/**
 * The overage state as the cap sees it: what pending holds were promised (`heldUsd`, none when
 * absent) counts as spent, so that two operations never both squeeze under the same dollars.
 */
export function capView({
  heldUsd,
  ...overage
}: OverageState & { heldUsd?: Usd | undefined }): OverageState {
  if (heldUsd === undefined || parseUsd(heldUsd).isZero()) return overage;
  const usdThisCycle = toUsdString(parseUsd(overage.usdThisCycle).plus(parseUsd(heldUsd)));
  return { ...overage, usdThisCycle };
}
