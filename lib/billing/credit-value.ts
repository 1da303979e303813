import { type Decimal, roundUnitUsd, toExactUsdString, toUsdString } from './decimal.ts';
import { planFigures, rateFigure } from './plan-figures.ts';
import type { OperationId, Plan, Usd } from './types.ts';

/** price / monthly credits, at full precision; a plan without credits has no credit value. */
export function creditValueDecimal(plan: Plan): Decimal {
  return planFigures(plan).creditValue;
}

/** Credit value at full precision: Growth → "0.0547045951859956…" (show it with formatUnitUsd). */
export function creditValue(plan: Plan): Usd {
  return toExactUsdString(creditValueDecimal(plan));
}

/** What one operation is worth at the plan's credit value, 4 decimal places, half-up. */
export function operationValue(plan: Plan, operation: OperationId): Usd {
  return toUsdString(roundUnitUsd(rateFigure(plan, operation).times(creditValueDecimal(plan))), 4);
}
