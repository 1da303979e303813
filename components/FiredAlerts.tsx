import type { CreditModel } from '../lib/store/credit-model.ts';
import { useMessages } from './messages-context.ts';

/** The low-balance alerts that fired this term, in order (nothing when none did). */
export function FiredAlerts({ model }: { model: CreditModel }) {
  const m = useMessages();
  const fired = model.snapshot.value?.alerts.fired ?? [];
  if (fired.length === 0) return null;
  return (
    <section class="t-section" aria-label={m.t('lowBalanceAlerts')}>
      <h2>{m.t('lowBalanceAlertsThisTerm')}</h2>
      <ul class="t-list">
        {fired.map(({ threshold, at }) => (
          <li key={`${threshold}`}>
            <span>
              {threshold === 'exhausted'
                ? m.t('noCreditsLeft')
                : m.t('percentLeft', { percent: m.formats.count(threshold) })}
            </span>
            <span class="t-muted">{m.formats.day(at)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
