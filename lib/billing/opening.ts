import { findPlan } from './catalog-lookup';
import { parseCredits, parseUsd, toCreditsString, toUsdString } from './decimal';
import { instantMs, toInstant } from './instant';
import { grantEntry } from './renewal';
import { chargesFor } from './transition';
import type { AccountState, Catalog, Instant, PlanId, Transition } from './types';

export interface NewAccount {
  id: string;
  name: string;
  planId: PlanId;
  startAt: Instant;
}

/** A new account: its first term starts at `startAt` with the plan's allotment and price. */
export function openAccount(account: NewAccount, catalog: Catalog): Transition {
  const plan = findPlan(catalog, account.planId);
  const at = toInstant(instantMs(account.startAt, 'The start of the account'));
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
