import type { Snapshot } from '../lib/api/schemas/snapshot.ts';
import type { Messages } from '../lib/i18n/messages.ts';
import type { Balance } from '../lib/store/balance.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { noPlanAboveRuns } from '../lib/store/upgrades-running.ts';
import { useMessages } from './messages-context.ts';

/** Available, held and used of the term's granted credits, with a meter and the reset date. */
export function BalanceMeter({ model }: { model: CreditModel }) {
  const m = useMessages();
  const snapshot = model.snapshot.value;
  const balance = model.balance.value;
  if (!snapshot || !balance) return null;
  const amount = m.formats.creditAmount;
  const available = amount(balance.available);
  const granted = amount(balance.granted);
  return (
    <section class={`t-balance${balance.low ? ' t-low' : ''}`} aria-label={m.t('creditBalance')}>
      <div class="t-row">
        <p class="t-balance__figure">
          <span class="t-balance__available" data-testid="available">
            {available}
          </span>
          <span class="t-muted">{m.tn('ofGranted', balance.granted)}</span>
        </p>
        <span class="t-muted t-balance__resets">
          {m.t('resets', { day: m.formats.day(snapshot.cycle.end) })}
        </span>
      </div>
      <div
        class="t-meter"
        role="img"
        aria-label={m.t('meterLabel', {
          available,
          granted,
          held: m.tn('held', balance.held),
          used: m.tn('used', balance.used),
        })}
      >
        <span class="t-meter__available" style={{ width: `${balance.meter.available}%` }} />
        <span class="t-meter__held" style={{ width: `${balance.meter.held}%` }} />
      </div>
      <p class="t-legend">
        <span class="t-legend__available">{m.tn('available', balance.available)}</span>
        <span class="t-legend__held">{m.tn('held', balance.held)}</span>
        <span>{m.tn('used', balance.used)}</span>
      </p>
      {balance.low && (
        <p class="t-alert">{lowWords(balance, snapshot, noPlanAboveRuns(model), m)}</p>
      )}
    </section>
  );
}

/**
 * The warning under the meter: below 10% of the term, or nothing left at all and what the next
 * operation needs then (no upgrade named where there is none to make).
 */
function lowWords(balance: Balance, snapshot: Snapshot, noUpgrade: boolean, m: Messages): string {
  // Canonical credit strings write zero as "0" (lib/billing/decimal.ts).
  if (balance.available !== '0') return m.t('lowCredits');
  const day = m.formats.day(snapshot.cycle.end);
  if (!snapshot.plan.allowsOverage) {
    return noUpgrade ? m.t('noCreditsUntil', { day }) : m.t('noCreditsUpgrade');
  }
  if (balance.capSpent) {
    return noUpgrade ? m.t('noCreditsCapUntil', { day }) : m.t('noCreditsCapUpgrade');
  }
  return m.t(noUpgrade ? 'noPlanCreditsOverageOnly' : 'noPlanCreditsOverage');
}
