import { findPlan } from './catalog.ts';
import { addMonths } from './cycle.ts';
import { parseUsd, toUsdString } from './decimal.ts';
import { formatCredits, formatDate, formatUsd } from './format.ts';
import { renew } from './renewal.ts';
import { chargesFor, type Step } from './transition.ts';
import type { AccountState, Catalog } from './types.ts';

/**
 * Up to this many renewals due at once are written one by one (an account may start 12 months
 * back, docs/billing.md decision 9); beyond it the account was dormant, and its empty renewals are
 * written as one step, so a catch-up of any length takes the same time (decision 9).
 */
export const MAX_SEPARATE_RENEWALS = 12;

/**
 * `count` renewals of an account at rest, the one right after a renewal with nothing used: each
 * would expire the allotment just granted, grant it again and charge the price. As one step, at
 * the last term end: one expiry of the allotment, one grant of it billed `count` × the price
 * (one charge), so the credits, the dollars and every balance-after add up exactly as the
 * separate renewals would.
 */
export function renewDormant(state: AccountState, count: number, catalog: Catalog): Step {
  const { anchor, term } = state.cycle;
  const first = addMonths(anchor, term + 1);
  const last = addMonths(anchor, term + count);
  const plan = findPlan(catalog, state.planId);
  const one = renew(state, last, catalog);
  const [expiry, grant] = one.entries;
  if (!expiry || !grant) throw new Error('A renewal writes an expiry and a grant');
  const terms = `${count.toLocaleString('en-US')} terms without activity, ${formatDate(first)} to ${formatDate(last)}`;
  const billed = {
    ...grant,
    terms: count,
    amountUsd: toUsdString(parseUsd(plan.priceUsd).times(count)),
    description: `${plan.name} renewed for ${terms}: ${formatCredits(plan.monthlyCredits)} and ${formatUsd(plan.priceUsd)} each term`,
  };
  const expired = {
    ...expiry,
    terms: count,
    description: `${formatCredits(plan.monthlyCredits)} expired unused at the end of each of ${terms}`,
  };
  return {
    ...one,
    state: { ...one.state, cycle: { anchor, term: term + count } },
    entries: [expired, billed],
    charges: chargesFor(billed, 1, 'subscription'),
  };
}
