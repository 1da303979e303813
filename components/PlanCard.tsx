import { creditValue } from '../lib/billing/credit-value.ts';
import { parseUsd } from '../lib/billing/decimal.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { useMessages } from './messages-context.ts';

/** The plan: what it costs against its list price, and what one credit is worth. */
export function PlanCard({ model }: { model: CreditModel }) {
  const m = useMessages();
  const snapshot = model.snapshot.value;
  if (!snapshot) return null;
  const { usd, date } = m.formats;
  const { plan, cycle: term } = snapshot;
  const discounted = plan.listPriceUsd !== plan.priceUsd;
  return (
    <section class="t-section" aria-label={m.t('plan')}>
      <h2>{m.t('plan')}</h2>
      <div class="t-row">
        <span class="t-plan__name">{plan.name}</span>
        <span class="t-plan__price">
          <strong>{usd(plan.priceUsd)}</strong>
          <span class="t-muted">{m.t('perMonth')}</span>
          {discounted && (
            <s>
              <span class="t-visually-hidden">{m.t('listPrice')}</span>
              {usd(plan.listPriceUsd)}
            </s>
          )}
        </span>
      </div>
      <dl class="t-facts">
        <div>
          <dt>{m.t('currentTerm')}</dt>
          <dd>{m.t('dateRange', { from: date(term.start), to: date(term.end) })}</dd>
        </div>
        <div>
          <dt>{m.t('creditsEachMonth')}</dt>
          <dd>{m.formats.creditAmount(plan.monthlyCredits)}</dd>
        </div>
        <div>
          <dt>{m.t('creditValue')}</dt>
          <dd data-testid="credit-value">
            {parseUsd(plan.priceUsd).isZero() ? m.t('noFee') : m.formats.unitUsd(creditValue(plan))}
          </dd>
        </div>
        <div>
          <dt>{m.t('overage')}</dt>
          <dd>
            {plan.allowsOverage
              ? m.t('perCredit', { usd: usd(plan.overageUsdPerCredit) })
              : m.t('notAllowed')}
          </dd>
        </div>
      </dl>
    </section>
  );
}
