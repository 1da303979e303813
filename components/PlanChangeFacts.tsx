import { parseUsd } from '../lib/billing/decimal.ts';
import { formatCreditAmount, formatCredits, formatDate, formatUsd } from '../lib/billing/format.ts';
import type { Plan, PlanChangePreview } from '../lib/billing/types.ts';

/**
 * What a plan change does (BILLING.md preview), shown before an admin confirms it. A switch to
 * a plan without a fee keeps the term: the credits stay usable until it ends, then the new
 * plan's allotment follows each month (BILLING.md, decisions 4), so nothing reads as lost.
 */
export function PlanChangeFacts({ preview, plan }: { preview: PlanChangePreview; plan?: Plan }) {
  const keepsTerm = plan !== undefined && parseUsd(plan.priceUsd).isZero();
  return (
    <dl class="t-facts" data-testid="plan-change-preview">
      <div>
        <dt>Charge today</dt>
        <dd>{keepsTerm ? 'nothing' : formatUsd(preview.chargeUsd)}</dd>
      </div>
      {keepsTerm ? (
        <>
          <div>
            <dt>Your credits</dt>
            <dd>
              {formatCredits(preview.creditsAfter)}, usable until{' '}
              {formatDate(preview.cycleAfter.end)}
            </dd>
          </div>
          <div>
            <dt>From {formatDate(preview.cycleAfter.end)}</dt>
            <dd>
              {formatCredits(plan.monthlyCredits)} a month on {plan.name}
            </dd>
          </div>
        </>
      ) : (
        <>
          <div>
            <dt>Credits rolled over</dt>
            <dd>{formatCreditAmount(preview.rolledOverCredits)}</dd>
          </div>
          <div>
            <dt>Credits after</dt>
            <dd>{formatCreditAmount(preview.creditsAfter)}</dd>
          </div>
          <div>
            <dt>Next renewal</dt>
            <dd>{formatDate(preview.cycleAfter.end)}</dd>
          </div>
        </>
      )}
    </dl>
  );
}
