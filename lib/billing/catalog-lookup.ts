import { BillingError } from './errors';
import type { Catalog, OperationId, Plan, PlanId } from './types';

export function findPlan(catalog: Catalog, id: PlanId): Plan {
  const plan = catalog.plans.find((candidate) => candidate.id === id);
  if (!plan) throw new BillingError('unknown_plan', `There is no plan "${id}".`);
  return plan;
}

/** The name people read for an operation ("Smart Crop"); its id if the catalogue lacks it. */
export function operationName(catalog: Catalog, id: OperationId): string {
  return catalog.operations.find((operation) => operation.id === id)?.name ?? id;
}
