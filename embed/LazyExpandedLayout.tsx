import { useMessages } from '../components/messages-context.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { type OnDemand, useOnDemand } from './on-demand.ts';

/** The expanded layout once its chunk has arrived (with the first balance, most often). */
export function LazyExpandedLayout({ model, parts }: { model: CreditModel; parts: OnDemand }) {
  const m = useMessages();
  const { loaded, failed } = useOnDemand(parts.load, true);
  if (failed) {
    return (
      <div class="t-embed-panel t-embed-loading" role="alert">
        <p class="t-embed-brand">Tally</p>
        <p>{m.t('partNotLoaded')}</p>
      </div>
    );
  }
  if (!loaded || !model.snapshot.value) {
    return (
      <div class="t-embed-panel t-embed-loading" aria-busy="true">
        <p class="t-embed-brand">Tally</p>
        <p class="t-muted">{m.t('loadingCredits')}</p>
      </div>
    );
  }
  return <loaded.ExpandedLayout model={model} team={loaded.team} usage={loaded.usage} />;
}
