import { formatCreditAmount, formatResetDate } from '../lib/billing/format.ts';
import type { Credits, Plan } from '../lib/billing/types.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';

/** Available, held and used of the term's granted credits, with a meter and the reset date. */
export function BalanceMeter({ model }: { model: CreditModel }) {
  const snapshot = model.snapshot.value;
  const balance = model.balance.value;
  if (!snapshot || !balance) return null;
  const available = formatCreditAmount(balance.available);
  const granted = formatCreditAmount(balance.granted);
  return (
    <section class={`t-balance${balance.low ? ' t-low' : ''}`} aria-label="Credit balance">
      <div class="t-row">
        <p class="t-balance__figure">
          <span class="t-balance__available" data-testid="available">
            {available}
          </span>
          <span class="t-muted">of {granted} credits</span>
        </p>
        <span class="t-muted t-balance__resets">{formatResetDate(snapshot.cycle.end)}</span>
      </div>
      <div
        class="t-meter"
        role="img"
        aria-label={`${available} of ${granted} credits available, ${formatCreditAmount(balance.held)} held, ${formatCreditAmount(balance.used)} used`}
      >
        <span class="t-meter__available" style={{ width: `${balance.meter.available}%` }} />
        <span class="t-meter__held" style={{ width: `${balance.meter.held}%` }} />
      </div>
      <p class="t-legend">
        <span class="t-legend__available">{available} available</span>
        <span class="t-legend__held">{formatCreditAmount(balance.held)} held</span>
        <span>{formatCreditAmount(balance.used)} used</span>
      </p>
      {balance.low && <p class="t-alert">{lowWords(balance.available, snapshot.plan)}</p>}
    </section>
  );
}

/** The warning under the meter: below 10% of the term, or nothing left at all. */
function lowWords(available: Credits, plan: Plan): string {
  // Canonical credit strings write zero as "0" (lib/billing/decimal.ts).
  if (available !== '0') return 'Less than 10% of this term’s credits are left.';
  return plan.allowsOverage
    ? 'No plan credits left: each operation now needs overage or an upgrade.'
    : 'No credits left: operations need an upgrade until the term renews.';
}
