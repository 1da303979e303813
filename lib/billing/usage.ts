import { parseCredits, parseUsd } from './decimal.ts';
import { formatCredits, overageNote } from './format.ts';
import { balances, chargesFor, entry, type Step, withBalances } from './transition.ts';
import type { AccountState, Instant, Plan, Quote } from './types.ts';

/** Debits an allowed quote: plan credits first, the rest billed as overage at once. */
export function recordUsage(
  state: AccountState,
  plan: Plan,
  result: Quote,
  memberId: string,
  at: Instant,
  operationName: string,
): Step {
  const before = balances(state);
  const fromPlan = parseCredits(result.fromPlan);
  const overageCredits = parseCredits(result.overageCredits);
  const overageUsd = parseUsd(result.overageUsd);
  const available = before.available.minus(fromPlan);
  const usage = entry({
    at,
    kind: 'usage',
    memberId,
    operation: result.operation,
    quantity: result.quantity,
    credits: fromPlan.negated(),
    overageCredits,
    amountUsd: overageUsd,
    availableAfter: available,
    description: `${result.quantity.toLocaleString('en-US')} × ${operationName} on ${plan.name}: ${formatCredits(result.credits)}${overageNote(result.overageCredits, result.overageUsd)}`,
  });
  const next = withBalances(state, {
    ...before,
    available,
    used: before.used.plus(fromPlan),
    overageCredits: before.overageCredits.plus(overageCredits),
    overageUsd: before.overageUsd.plus(overageUsd),
  });
  return {
    state: next,
    entries: [usage],
    charges: chargesFor(usage, 0, 'overage'),
    holds: [],
    changed: true,
  };
}
