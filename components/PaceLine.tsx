import type { CreditModel } from '../lib/store/credit-model.ts';
import { useMessages } from './messages-context.ts';

/**
 * Whether the credits last until the renewal at this pace (docs/billing.md, Insight), in one line;
 * nothing before 24 hours of the term (no pace yet). The pace shows as the Snapshot has it (3
 * places, half-up), formatted from its decimal string: the content script carries no decimal
 * library for it.
 */
export function PaceLine({ model }: { model: CreditModel }) {
  const m = useMessages();
  const snapshot = model.snapshot.value;
  const pace = snapshot?.insight.pacePerDay;
  if (!snapshot || pace == null) return null;
  const renews = m.formats.day(snapshot.cycle.end);
  const runsOutAt = snapshot.insight.runsOutAt;
  return (
    <p class={runsOutAt ? 't-alert' : 't-muted'}>
      {runsOutAt
        ? m.t('paceRunsOut', {
            pace: m.tn('credits', pace),
            day: m.formats.day(runsOutAt),
            renews,
          })
        : m.t('paceLasts', { renews })}
    </p>
  );
}
