import { formatCredits, formatDay } from '../lib/billing/format.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';

/**
 * Whether the credits last until the renewal at this pace (BILLING.md, Insight), in one line;
 * nothing before 24 hours of the term (no pace yet). The pace shows as the Snapshot has it (3
 * places, half-up), formatted from its decimal string: the content script carries no decimal
 * library for it.
 */
export function PaceLine({ model }: { model: CreditModel }) {
  const snapshot = model.snapshot.value;
  const pace = snapshot?.insight.pacePerDay;
  if (!snapshot || pace == null) return null;
  const renews = formatDay(snapshot.cycle.end);
  const runsOutAt = snapshot.insight.runsOutAt;
  return (
    <p class={runsOutAt ? 't-alert' : 't-muted'}>
      At this pace{' '}
      {runsOutAt
        ? `(${formatCredits(pace)} a day) your credits last until ${formatDay(runsOutAt)}; they renew ${renews}.`
        : `your credits last past the renewal on ${renews}.`}
    </p>
  );
}
