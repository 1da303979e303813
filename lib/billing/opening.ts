import { findPlan } from './catalog.ts';
import { addMonths } from './cycle.ts';
import { parseCredits, parseUsd, toCreditsString, toUsdString } from './decimal.ts';
import { BillingError } from './errors.ts';
import { instantMs, toInstant } from './instant.ts';
import { grantEntry } from './renewal.ts';
import { chargesFor } from './transition.ts';
import type { AccountState, Catalog, Instant, PlanId, Transition } from './types.ts';

export interface NewAccount {
  id: string;
  name: string;
  planId: PlanId;
  startAt: Instant;
}

/** docs/billing.md decision 9: a start further back would make the first read renew for years. */
const MAX_MONTHS_BACK = 12;

/**
 * A new account: its first term starts at `startAt` with the plan's allotment and price. Given
 * `now`, a start after it is refused: until then there would be no current term (terms tile
 * time from the anchor on), yet credits to spend and a charge dated later than it was made.
 * So is a start more than 12 months before `now`.
 */
export function openAccount(account: NewAccount, catalog: Catalog, now?: Instant): Transition {
  const plan = findPlan(catalog, account.planId);
  const at = toInstant(instantMs(account.startAt, 'The start of the account'));
  if (now !== undefined && instantMs(at) > instantMs(now, 'The current time')) {
    throw new BillingError(
      'start_in_future',
      `An account cannot start in the future: ${at} is after now (${toInstant(instantMs(now))}). Leave startAt out to start now.`,
    );
  }
  if (now !== undefined && instantMs(at) < instantMs(addMonths(now, -MAX_MONTHS_BACK))) {
    throw new BillingError(
      'start_too_early',
      `An account cannot start more than ${MAX_MONTHS_BACK} months in the past: ${at} is before ${addMonths(now, -MAX_MONTHS_BACK)}.`,
    );
  }
  const grant = grantEntry(plan, at, 'started');
  const credits = toCreditsString(parseCredits(plan.monthlyCredits));
  const state: AccountState = {
    id: account.id,
    name: account.name,
    planId: plan.id,
    cycle: { anchor: at, term: 0 },
    credits: { available: credits, held: '0', granted: credits, used: '0' },
    overage: {
      policy: 'ask',
      capUsd: null,
      creditsThisCycle: '0',
      usdThisCycle: toUsdString(parseUsd('0')),
    },
    holds: [],
    version: 1,
  };
  return { state, entries: [grant], charges: chargesFor(grant, 0, 'subscription'), holds: [] };
}
