// Loaded on demand (on-demand-chunk.ts) with its stylesheet: a page that shows the compact chip
// never downloads it.
import { BalanceMeter } from '../components/BalanceMeter.tsx';
import { Freshness } from '../components/Freshness.tsx';
import fieldsCss from '../components/fields.css?inline';
import { useMessages } from '../components/messages-context.ts';
import { PlanCard } from '../components/PlanCard.tsx';
import planCardCss from '../components/plan-card.css?inline';
import { RemainingOperations } from '../components/RemainingOperations.tsx';
import { TeamPanel } from '../components/TeamPanel.tsx';
import type { CreditModel } from '../lib/store/credit-model.ts';
import type { TeamPort } from '../lib/store/team-port.ts';
import { ExpandedInsight } from './ExpandedInsight.tsx';
import { type OnDemandParts, useOnDemand } from './on-demand.ts';

/**
 * The balance panel: available credits, what they still cover, the plan, this term's usage
 * chart, and the team.
 */
export function ExpandedLayout({
  model,
  team,
  usage,
}: {
  model: CreditModel;
  team: TeamPort;
  usage: OnDemandParts['usage'];
}) {
  const m = useMessages();
  const snapshot = model.snapshot.value;
  if (!snapshot) return null;
  return (
    <div class="t-embed-panel">
      <style>{planCardCss + fieldsCss}</style>
      <header class="t-embed-head">
        <span class="t-embed-brand">Tally</span>
        <span class="t-muted" data-testid="embed-who">
          {m.t('whoInAccount', { account: snapshot.account.name, member: snapshot.member.name })}
        </span>
      </header>
      <BalanceMeter model={model} />
      <ExpandedInsight model={model} team={team} />
      <RemainingOperations model={model} />
      <PlanCard model={model} />
      <LazyUsage model={model} load={usage} />
      <TeamPanel model={model} team={team} />
      <div class="t-section">
        <Freshness model={model} />
      </div>
    </div>
  );
}

/** "Usage this term" once its chunk has arrived; nothing while it comes. */
function LazyUsage({ model, load }: { model: CreditModel; load: OnDemandParts['usage'] }) {
  const m = useMessages();
  const { loaded, failed } = useOnDemand(load, true);
  if (failed) {
    return (
      <section class="t-section" aria-label={m.t('usageThisTerm')}>
        <p class="t-alert" role="alert">
          {m.t('chartNotLoaded')}
        </p>
      </section>
    );
  }
  return loaded && <loaded.UsageSection model={model} />;
}
