import { creditValue } from '../lib/billing/credit-value.ts';
import { parseUsd } from '../lib/billing/decimal.ts';
import { formatCreditAmount, formatDate, formatUnitUsd, formatUsd } from '../lib/billing/format.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';

/** The plan: what it costs against its list price, and what one credit is worth. */
export function PlanCard({ model }: { model: CreditModel }) {
  const snapshot = model.snapshot.value;
  if (!snapshot) return null;
  const { plan, cycle: term } = snapshot;
  const discounted = plan.listPriceUsd !== plan.priceUsd;
  return (
    <section class="t-section" aria-label="Plan">
      <h2>Plan</h2>
      <div class="t-row">
        <span class="t-plan__name">{plan.name}</span>
        <span class="t-plan__price">
          <strong>{formatUsd(plan.priceUsd)}</strong>
          <span class="t-muted"> / month</span>
          {discounted && (
            <s>
              <span class="t-visually-hidden">list price </span>
              {formatUsd(plan.listPriceUsd)}
            </s>
          )}
        </span>
      </div>
      <dl class="t-facts">
        <div>
          <dt>Current term</dt>
          <dd>
            {formatDate(term.start)} – {formatDate(term.end)}
          </dd>
        </div>
        <div>
          <dt>Credits each month</dt>
          <dd>{formatCreditAmount(plan.monthlyCredits)}</dd>
        </div>
        <div>
          <dt>Credit value</dt>
          <dd data-testid="credit-value">
            {parseUsd(plan.priceUsd).isZero()
              ? 'none: the plan has no fee'
              : formatUnitUsd(creditValue(plan))}
          </dd>
        </div>
        <div>
          <dt>Overage</dt>
          <dd>
            {plan.allowsOverage ? `${formatUsd(plan.overageUsdPerCredit)} / credit` : 'not allowed'}
          </dd>
        </div>
      </dl>
    </section>
  );
}
