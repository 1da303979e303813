import catalogData from './catalog.json' with { type: 'json' };
import { BillingError } from './errors.ts';
import type { Catalog, Credits, OperationId, Plan, PlanId } from './types.ts';

/**
 * The four demo plans and three operations of docs/billing.md. The server checks the catalogue it
 * bills with when it starts (server/catalog-file.ts), this one included.
 */
export const demoCatalog: Catalog = catalogData;
export function findPlan(catalog: Catalog, id: PlanId): Plan {
  const plan = catalog.plans.find((candidate) => candidate.id === id);
  if (!plan) throw new BillingError('unknown_plan', `There is no plan "${id}".`);
  return plan;
}

/** The name people read for an operation ("Smart Crop"); its id if the catalogue lacks it. */
export function operationName(catalog: Catalog, id: OperationId): string {
  return catalog.operations.find((operation) => operation.id === id)?.name ?? id;
}

/** Credits one operation costs on the plan; an operation the plan does not price throws. */
export function rateOf(plan: Plan, operation: OperationId): Credits {
  const rate = Object.hasOwn(plan.rates, operation) ? plan.rates[operation] : undefined;
  if (rate === undefined) {
    throw new BillingError(
      'unknown_operation',
      `"${operation}" is not an operation of the ${plan.name} plan.`,
    );
  }
  return rate;
}
