import { formatCreditAmount, formatDate, formatUsd } from '../lib/billing/format';
import type { PlanChangePreview } from '../lib/billing/types';

/** What a plan change does (BILLING.md preview), shown before an admin confirms it. */
export function PlanChangeFacts({ preview }: { preview: PlanChangePreview }) {
  return (
    <dl class="t-facts" data-testid="plan-change-preview">
      <div>
        <dt>Charge today</dt>
        <dd>{formatUsd(preview.chargeUsd)}</dd>
      </div>
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
    </dl>
  );
}
