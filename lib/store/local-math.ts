import type { Snapshot } from '../api/schemas/snapshot.ts';
import { capView } from '../billing/cap-view.ts';
import { remainingOperations } from '../billing/capacity.ts';
import { Decimal } from '../billing/decimal.ts';
import { quote } from '../billing/quote.ts';
import type { OperationId, Plan } from '../billing/types.ts';
import { balanceOf } from './balance.ts';
import type { CreditMath, SnapshotFacts } from './credit-math.ts';

/** The facts of a Snapshot, worked out with lib/billing. */
export function factsOf(snapshot: Snapshot): SnapshotFacts {
  return {
    balance: balanceOf(snapshot),
    remaining: remainingOperations(snapshot.plan, snapshot.credits.available),
  };
}

/**
 * The cost of `quantity` × `operation` on a Snapshot, as the server will quote it (pending
 * holds' overage counted against the cap); null for an operation its plan does not price.
 */
export function quoteOn(snapshot: Snapshot, operation: OperationId, quantity: number) {
  if (!Object.hasOwn(snapshot.plan.rates, operation)) return null;
  return quote({
    plan: snapshot.plan,
    available: snapshot.credits.available,
    overage: capView(snapshot.overage),
    operation,
    quantity,
  });
}

/** Billing math done here and now, with lib/billing. */
export const localMath: CreditMath = {
  facts: factsOf,
  quote: quoteOn,
  settledQuote: async (snapshot, operation, quantity) => quoteOn(snapshot, operation, quantity),
  upgrades: plansAbove,
};

/** The plans dearer than the snapshot's, cheapest first. */
export function plansAbove(snapshot: Snapshot, plans: readonly Plan[]): Plan[] {
  const price = (plan: Plan) => new Decimal(plan.priceUsd);
  return plans
    .filter((plan) => price(plan).greaterThan(price(snapshot.plan)))
    .sort((a, b) => price(a).comparedTo(price(b)));
}
