import { rateOf } from './catalog.ts';
import {
  Decimal,
  parseCredits,
  parseUsd,
  roundUnitUsd,
  toExactUsdString,
  toUsdString,
} from './decimal.ts';
import type { OperationId, Plan, Usd } from './types.ts';

/** price / monthly credits, at full precision; a plan without credits has no credit value. */
export function creditValueDecimal(plan: Plan): Decimal {
  const credits = parseCredits(plan.monthlyCredits);
  if (credits.isZero()) return new Decimal(0);
  return parseUsd(plan.priceUsd).dividedBy(credits);
}

/** Credit value at full precision: Growth → "0.0547045951859956…" (show it with formatUnitUsd). */
export function creditValue(plan: Plan): Usd {
  return toExactUsdString(creditValueDecimal(plan));
}

/** What one operation is worth at the plan's credit value, 4 decimal places, half-up. */
export function operationValue(plan: Plan, operation: OperationId): Usd {
  const rate = parseCredits(rateOf(plan, operation));
  return toUsdString(roundUnitUsd(rate.times(creditValueDecimal(plan))), 4);
}
