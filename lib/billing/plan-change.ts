import { findPlan } from './catalog.ts';
import { addMonths, termBounds } from './cycle.ts';
import { parseCredits, parseUsd, toCreditsString, toUsdString } from './decimal.ts';
import { BillingError } from './errors.ts';
import { formatCredits, formatDate, formatUsd } from './format.ts';
import { instantMs, toInstant } from './instant.ts';
import { settle } from './settle.ts';
import { balances, chargesFor, entry, type Step, withBalances } from './transition.ts';
import type { AccountState, Catalog, Instant, Plan, PlanChangePreview, PlanId } from './types.ts';

function isFree(plan: Plan): boolean {
  return parseUsd(plan.priceUsd).isZero();
}

/** The preview of a plan change on a state that is already settled up to `now`. */
function previewSettled(state: AccountState, to: Plan, now: Instant): PlanChangePreview {
  if (to.id === state.planId) {
    throw new BillingError('invalid_request', `The account is already on the ${to.name} plan.`);
  }
  const { available, held } = balances(state);
  const preview = { from: state.planId, to: to.id, effectiveAt: now };
  if (isFree(to)) {
    // To free: nothing charged, the anchor stays, the credits last until the term ends. Held
    // credits count in the credits after, as they do on a change to a paid plan.
    return {
      ...preview,
      chargeUsd: toUsdString(parseUsd('0')),
      rolledOverCredits: '0',
      creditsAfter: toCreditsString(available.plus(held)),
      cycleAfter: termBounds(state.cycle),
    };
  }
  // To a paid plan: everything left rolls over, the full allotment is added, the price is
  // charged at once and the new term starts now (no proration, no refund).
  const rolledOver = available.plus(held);
  return {
    ...preview,
    chargeUsd: toUsdString(parseUsd(to.priceUsd)),
    rolledOverCredits: toCreditsString(rolledOver),
    creditsAfter: toCreditsString(rolledOver.plus(parseCredits(to.monthlyCredits))),
    cycleAfter: { start: now, end: addMonths(now, 1) },
  };
}

/**
 * What changing to `toPlan` at `now` would do, after any renewals due by then. Throws
 * BillingError: 'unknown_plan', or 'invalid_request' for the plan already held.
 */
export function previewPlanChange(
  state: AccountState,
  toPlan: PlanId,
  now: Instant,
  catalog: Catalog,
): PlanChangePreview {
  const at = toInstant(instantMs(now, 'The current time'));
  return previewSettled(settle(state, at, catalog).state, findPlan(catalog, toPlan), at);
}

/** Changes the plan of a settled state (the caller checked the member is an admin). */
export function changePlan(
  state: AccountState,
  toPlan: PlanId,
  now: Instant,
  catalog: Catalog,
  memberId: string,
): Step & { preview: PlanChangePreview } {
  const from = findPlan(catalog, state.planId);
  const to = findPlan(catalog, toPlan);
  const preview = previewSettled(state, to, now);
  const before = balances(state);
  if (isFree(to)) {
    const switched = entry({
      at: now,
      kind: 'plan-change',
      memberId,
      planId: to.id,
      fromPlanId: from.id,
      credits: parseCredits('0'),
      availableAfter: before.available,
      description: `Plan changed from ${from.name} to ${to.name}: ${formatCredits(preview.creditsAfter)} kept until ${formatDate(preview.cycleAfter.end)}`,
    });
    return {
      state: { ...state, planId: to.id },
      entries: [switched],
      charges: [],
      holds: [],
      changed: true,
      preview,
    };
  }
  const allotment = parseCredits(to.monthlyCredits);
  const available = before.available.plus(allotment);
  const rollover = entry({
    at: now,
    kind: 'rollover',
    memberId,
    planId: to.id,
    fromPlanId: from.id,
    credits: parseCredits('0'),
    availableAfter: before.available,
    description: `${formatCredits(preview.rolledOverCredits)} rolled over from ${from.name} to ${to.name}`,
  });
  const added = entry({
    at: now,
    kind: 'plan-change',
    memberId,
    planId: to.id,
    fromPlanId: from.id,
    credits: allotment,
    amountUsd: parseUsd(to.priceUsd),
    availableAfter: available,
    description: `Plan changed from ${from.name} to ${to.name}: ${formatCredits(to.monthlyCredits)} added, ${formatUsd(to.priceUsd)} charged`,
  });
  const next = withBalances(state, {
    available,
    held: before.held,
    granted: parseCredits(preview.creditsAfter),
    used: parseCredits('0'),
    overageCredits: parseCredits('0'),
    overageUsd: parseUsd('0'),
  });
  return {
    state: { ...next, planId: to.id, cycle: { anchor: now, term: 0 } },
    entries: [rollover, added],
    charges: chargesFor(added, 1, 'subscription'),
    holds: [],
    changed: true,
    preview,
  };
}
