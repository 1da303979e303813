import { parseUsd } from '../lib/billing/decimal.ts';
import type { Plan, PlanChangePreview } from '../lib/billing/types.ts';
import { useMessages } from './messages-context.ts';

/**
 * What a plan change does (docs/billing.md preview), shown before an admin confirms it. A switch to
 * a plan without a fee keeps the term: the credits stay usable until it ends, then the new
 * plan's allotment follows each month (docs/billing.md, decisions 4), so nothing reads as lost.
 */
export function PlanChangeFacts({ preview, plan }: { preview: PlanChangePreview; plan?: Plan }) {
  const m = useMessages();
  const { creditAmount, date } = m.formats;
  const keepsTerm = plan !== undefined && parseUsd(plan.priceUsd).isZero();
  return (
    <dl class="t-facts" data-testid="plan-change-preview">
      <div>
        <dt>{m.t('chargeToday')}</dt>
        <dd>{keepsTerm ? m.t('nothing') : m.formats.usd(preview.chargeUsd)}</dd>
      </div>
      {keepsTerm ? (
        <>
          <div>
            <dt>{m.t('yourCredits')}</dt>
            <dd>
              {m.t('usableUntil', {
                credits: m.tn('credits', preview.creditsAfter),
                date: date(preview.cycleAfter.end),
              })}
            </dd>
          </div>
          <div>
            <dt>{m.t('fromDate', { date: date(preview.cycleAfter.end) })}</dt>
            <dd>
              {m.t('creditsAMonthOn', {
                credits: m.tn('credits', plan.monthlyCredits),
                plan: plan.name,
              })}
            </dd>
          </div>
        </>
      ) : (
        <>
          <div>
            <dt>{m.t('creditsRolledOver')}</dt>
            <dd>{creditAmount(preview.rolledOverCredits)}</dd>
          </div>
          <div>
            <dt>{m.t('creditsAfter')}</dt>
            <dd>{creditAmount(preview.creditsAfter)}</dd>
          </div>
          <div>
            <dt>{m.t('nextRenewal')}</dt>
            <dd>{date(preview.cycleAfter.end)}</dd>
          </div>
        </>
      )}
    </dl>
  );
}
