import { BillingError } from './errors';
import type { Credits, OperationId, Plan } from './types';

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
