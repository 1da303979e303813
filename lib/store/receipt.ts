import type { Snapshot } from '../api/schemas/snapshot.ts';
import type { PlanChangePreview, Quote } from '../billing/types.ts';
import type { Messages } from '../i18n/messages.ts';

/**
 * What an upgrade did, in one line the widget keeps until dismissed: "Studio North is on
 * Scale: $500.00 charged, 10,468.7 credits, renews Dec 30 at $500.00/month".
 */
export function upgradeReceipt(after: Snapshot, preview: PlanChangePreview, m: Messages): string {
  return m.t('upgradeReceipt', {
    account: after.account.name,
    plan: after.plan.name,
    charged: m.formats.usd(preview.chargeUsd),
    credits: m.tn('credits', after.credits.available),
    day: m.formats.day(after.cycle.end),
    price: m.formats.usd(after.plan.priceUsd),
  });
}

/** What paying overage did: "Studio North paid $0.41 overage: 4.1 credits for Lifestyle Crop". */
export function overageReceipt(
  snapshot: Snapshot,
  quote: Quote,
  what: string,
  m: Messages,
): string {
  return m.t('overageReceipt', {
    account: snapshot.account.name,
    usd: m.formats.usd(quote.overageUsd),
    credits: m.tn('credits', quote.overageCredits),
    what,
  });
}
