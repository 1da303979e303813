import { formatDay, formatPace } from '../lib/billing/format.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';

/**
 * Whether the credits last until the renewal at this pace (BILLING.md, Insight), in one line;
 * nothing before 24 hours of the term (no pace yet). Formatted from the Snapshot's decimal
 * strings, so the content script carries no decimal library for it.
 */
export function PaceLine({ model }: { model: CreditModel }) {
  const snapshot = model.snapshot.value;
  const pace = snapshot?.insight.pacePerDay;
  if (!snapshot || pace == null) return null;
  const renews = formatDay(snapshot.cycle.end);
  const { runsOutAt } = snapshot.insight;
  return (
    <p class={runsOutAt ? 't-pace t-alert' : 't-pace t-muted'} data-testid="pace">
      {runsOutAt
        ? `At this pace (${formatPace(pace)}) your credits last until ${formatDay(runsOutAt)}; they renew ${renews}.`
        : `At this pace your credits last past the renewal on ${renews}.`}
    </p>
  );
}
