import type { Entry } from '../../../lib/api/schemas/entry.ts';
import { Decimal } from '../../../lib/billing/decimal.ts';
import { formatCredits, formatUsd } from '../../../lib/billing/format.ts';

/** "1.3 credits", or "4.1 credits · 2.1 as overage, $0.21" for a usage entry. */
export function entryCost(entry: Entry): string {
  const fromPlan = new Decimal(entry.credits).negated();
  const overage = new Decimal(entry.overageCredits);
  const total = formatCredits(fromPlan.plus(overage).toString());
  if (overage.isZero()) return total;
  return `${total} · ${formatCredits(entry.overageCredits)} as overage, ${formatUsd(entry.amountUsd)}`;
}
