import { capView } from './cap-view.ts';
import { maxDecimal, parseCredits, parseUsd, toCreditsString, toUsdString } from './decimal.ts';
import { quote } from './quote.ts';
import type {
  Credits,
  OperationId,
  OverageState,
  Plan,
  PlanChangePreview,
  Quote,
  Usd,
} from './types.ts';

export interface AfterChangeRequest {
  /** The plan changed to, and what the change would do (plan-change.ts's preview). */
  plan: Plan;
  preview: PlanChangePreview;
  /** The account's held credits and overage now, with what pending holds were promised. */
  held: Credits;
  overage: OverageState & { heldUsd?: Usd | undefined };
  operation: OperationId;
  quantity: number;
}

/**
 * The quote of `operation` × `quantity` right after the change `preview` describes: on the new
 * plan's rates, with its credits after less the held ones, which stay held (docs/billing.md,
 * decisions 4). A change to a paid plan resets the cycle's overage counters (decisions 2); the
 * policy and the cap stay, and so does the overage pending holds were promised, which counts
 * against the cap. Null when the plan does not price the operation.
 */
export function quoteAfterChange(request: AfterChangeRequest): Quote | null {
  const { plan, preview, held, overage, operation, quantity } = request;
  if (!Object.hasOwn(plan.rates, operation)) return null;
  const available = maxDecimal(
    parseCredits(preview.creditsAfter).minus(parseCredits(held)),
    parseCredits('0'),
  );
  const paid = !parseUsd(plan.priceUsd).isZero();
  return quote({
    plan,
    available: toCreditsString(available),
    overage: capView(
      paid
        ? { ...overage, creditsThisCycle: '0', usdThisCycle: toUsdString(parseUsd('0')) }
        : overage,
    ),
    operation,
    quantity,
  });
}
