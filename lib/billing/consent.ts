import { capView, promisedUsd } from './cap-view.ts';
import { formatCredits, formatUsd } from './format.ts';
import { quote } from './quote.ts';
import type { AccountState, OperationId, OverageChoice, Plan, Quote, Refusal } from './types.ts';

/** The quote for an account, its pending holds' promised overage counted against the cap. */
export function accountQuote(
  state: AccountState,
  plan: Plan,
  operation: OperationId,
  quantity: number,
): Quote {
  return quote({
    plan,
    available: state.credits.available,
    overage: capView({ ...state.overage, heldUsd: promisedUsd(state.holds) }),
    operation,
    quantity,
  });
}

/**
 * Whether the operation may go ahead: covered; or overage the user consented to for this
 * operation (policy `ask`) or that the admin pre-approved (policy `auto`). Null means go.
 */
export function refusalFor(
  result: Quote,
  choice: OverageChoice,
  state: AccountState,
  plan: Plan,
): Refusal | null {
  if (result.outcome === 'covered') return null;
  if (result.outcome === 'blocked') {
    const message =
      result.reason === 'plan-disallows-overage'
        ? `This needs ${formatCredits(result.overageCredits)} more than you have, and the ${plan.name} plan has no overage: upgrade to continue.`
        : `This would take overage past the cap of ${formatUsd(state.overage.capUsd ?? '0')} this cycle: ask your admin to raise the cap or upgrade.`;
    return { code: 'overage_blocked', message, quote: result };
  }
  if (choice === 'accept' || state.overage.policy === 'auto') return null;
  return {
    code: 'overage_required',
    message: `This needs ${formatCredits(result.overageCredits)} more than you have: pay ${formatUsd(result.overageUsd)} overage and continue, or upgrade.`,
    quote: result,
  };
}
