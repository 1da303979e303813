import { formatDay } from '../lib/billing/format.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';

/** The low-balance alerts that fired this term, in order (nothing when none did). */
export function FiredAlerts({ model }: { model: CreditModel }) {
  const fired = model.snapshot.value?.alerts.fired ?? [];
  if (fired.length === 0) return null;
  return (
    <section class="t-section" aria-label="Low-balance alerts">
      <h2>Low-balance alerts this term</h2>
      <ul class="t-list">
        {fired.map(({ threshold, at }) => (
          <li key={`${threshold}`}>
            <span>
              {threshold === 'exhausted'
                ? 'No credits left'
                : `${threshold} % of this term’s credits left`}
            </span>
            <span class="t-muted">{formatDay(at)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
