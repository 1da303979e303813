import { findPlan } from './catalog.ts';
import { parseCredits, parseUsd } from './decimal.ts';
import { formatCredits, formatUsd } from './format.ts';
import { balances, chargesFor, entry, type Step, withBalances } from './transition.ts';
import type { AccountState, Catalog, EntryDraft, Instant, Plan } from './types.ts';

/** The grant of a term's allotment, carrying the plan price it is charged for. */
export function grantEntry(plan: Plan, at: Instant, event: 'started' | 'renewed'): EntryDraft {
  return entry({
    at,
    kind: 'grant',
    memberId: null,
    planId: plan.id,
    credits: parseCredits(plan.monthlyCredits),
    amountUsd: parseUsd(plan.priceUsd),
    availableAfter: parseCredits(plan.monthlyCredits),
    description: `${plan.name} ${event}: ${formatCredits(plan.monthlyCredits)}, ${formatUsd(plan.priceUsd)}`,
  });
}

/**
 * The renewal at the end of the current term (docs/billing.md): unused available credits expire,
 * the plan's allotment is granted and its price charged. Held credits stay reserved in the new
 * term, so they count in its `granted` (available + held + used = granted holds throughout).
 */
export function renew(state: AccountState, at: Instant, catalog: Catalog): Step {
  const plan = findPlan(catalog, state.planId);
  const before = balances(state);
  const allotment = parseCredits(plan.monthlyCredits);
  const expiry = entry({
    at,
    kind: 'expiry',
    memberId: null,
    planId: plan.id,
    credits: before.available.negated(),
    availableAfter: parseCredits('0'),
    description: `${formatCredits(before.available.toString())} expired at the end of the term`,
  });
  const grant = grantEntry(plan, at, 'renewed');
  const next = withBalances(state, {
    available: allotment,
    held: before.held,
    granted: allotment.plus(before.held),
    used: parseCredits('0'),
    overageCredits: parseCredits('0'),
    overageUsd: parseUsd('0'),
  });
  return {
    state: { ...next, cycle: { ...state.cycle, term: state.cycle.term + 1 } },
    entries: [expiry, grant],
    charges: chargesFor(grant, 1, 'subscription'),
    holds: [],
    changed: true,
  };
}
