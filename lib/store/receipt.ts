import type { Snapshot } from '../api/schemas/snapshot.ts';
import { formatCredits, formatDay, formatUsd } from '../billing/format.ts';
import type { PlanChangePreview, Quote } from '../billing/types.ts';

/**
 * What an upgrade did, in one line the widget keeps until dismissed: "Studio North is on
 * Scale: $500.00 charged, 10,468.7 credits, renews Dec 30 at $500.00/month".
 */
export function upgradeReceipt(after: Snapshot, preview: PlanChangePreview): string {
  return (
    `${after.account.name} is on ${after.plan.name}: ${formatUsd(preview.chargeUsd)} charged, ` +
    `${formatCredits(after.credits.available)}, renews ${formatDay(after.cycle.end)} at ` +
    `${formatUsd(after.plan.priceUsd)}/month`
  );
}

/** What paying overage did: "Studio North paid $0.41 overage: 4.1 credits for Lifestyle Crop". */
export function overageReceipt(snapshot: Snapshot, quote: Quote, what: string): string {
  return (
    `${snapshot.account.name} paid ${formatUsd(quote.overageUsd)} overage: ` +
    `${formatCredits(quote.overageCredits)} for ${what}`
  );
}
