import {
  type Decimal,
  minDecimal,
  parseCredits,
  parseUsd,
  roundCents,
  roundUnitUsd,
  toCreditsString,
  toUsdString,
} from './decimal.ts';
import { planFigures, rateFigure } from './plan-figures.ts';
import { assertQuantity } from './quantity.ts';
import type { BlockedReason, Credits, OperationId, OverageState, Plan, Quote } from './types.ts';

export interface QuoteRequest {
  plan: Plan;
  available: Credits;
  overage: OverageState;
  operation: OperationId;
  quantity: number;
}

/**
 * Why overage is impossible, or null when it is possible: the plan must allow it, and a cap
 * (if any) must still have room for this charge, under `ask` and `auto` alike.
 */
function overageBlockedReason(
  plan: Plan,
  overage: OverageState,
  overageUsd: Decimal,
): BlockedReason | null {
  if (!plan.allowsOverage) return 'plan-disallows-overage';
  if (overage.capUsd === null) return null;
  const spent = parseUsd(overage.usdThisCycle, 'Overage spent this cycle');
  const cap = parseUsd(overage.capUsd, 'The overage cap');
  return spent.plus(overageUsd).lessThanOrEqualTo(cap) ? null : 'overage-cap-reached';
}

/** The cost preview of docs/billing.md for one operation × quantity. */
export function quote({ plan, available, overage, operation, quantity }: QuoteRequest): Quote {
  assertQuantity(quantity);
  const figures = planFigures(plan);
  const rate = rateFigure(plan, operation);
  const availableNow = parseCredits(available, 'Available credits');
  const credits = rate.times(quantity);
  const fromPlan = minDecimal(credits, availableNow);
  const overageCredits = credits.minus(fromPlan);
  const overageUsd = roundCents(overageCredits.times(figures.overageUsdPerCredit));
  const planValueUsd = roundUnitUsd(fromPlan.times(figures.creditValue));
  const result: Quote = {
    operation,
    quantity,
    credits: toCreditsString(credits),
    fromPlan: toCreditsString(fromPlan),
    overageCredits: toCreditsString(overageCredits),
    overageUsd: toUsdString(overageUsd),
    planValueUsd: toUsdString(planValueUsd, 4),
    availableAfter: toCreditsString(availableNow.minus(fromPlan)),
    outcome: 'covered',
  };
  if (overageCredits.isZero()) return result;
  const reason = overageBlockedReason(plan, overage, overageUsd);
  return reason === null
    ? { ...result, outcome: 'overage' }
    : { ...result, outcome: 'blocked', reason };
}
