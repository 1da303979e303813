import { rateOf } from './catalog.ts';
import { Decimal, parseCredits, parseUsd } from './decimal.ts';
import type { OperationId, Plan } from './types.ts';

/** A plan's numbers as decimals: parsed once per plan object, since every debit reads them. */
export interface PlanFigures {
  rates: ReadonlyMap<OperationId, Decimal>;
  monthlyCredits: Decimal;
  priceUsd: Decimal;
  overageUsdPerCredit: Decimal;
  /** price / monthly credits at full precision (docs/billing.md); 0 for a plan without credits. */
  creditValue: Decimal;
}

const figuresOf = new WeakMap<Plan, PlanFigures>();

export function planFigures(plan: Plan): PlanFigures {
  let figures = figuresOf.get(plan);
  if (!figures) {
    const monthlyCredits = parseCredits(plan.monthlyCredits);
    const priceUsd = parseUsd(plan.priceUsd);
    figures = {
      rates: new Map(Object.entries(plan.rates).map(([id, rate]) => [id, parseCredits(rate)])),
      monthlyCredits,
      priceUsd,
      overageUsdPerCredit: parseUsd(plan.overageUsdPerCredit),
      creditValue: monthlyCredits.isZero() ? new Decimal(0) : priceUsd.dividedBy(monthlyCredits),
    };
    figuresOf.set(plan, figures);
  }
  return figures;
}

/** The plan's rate of an operation; an operation it does not price throws (rateOf). */
export function rateFigure(plan: Plan, operation: OperationId): Decimal {
  return planFigures(plan).rates.get(operation) ?? parseCredits(rateOf(plan, operation));
}
