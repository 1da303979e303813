import { BalanceMeter } from '../components/BalanceMeter.tsx';
import { Freshness } from '../components/Freshness.tsx';
import { PlanCard } from '../components/PlanCard.tsx';
import { RemainingOperations } from '../components/RemainingOperations.tsx';
import type { CreditModel } from '../lib/store/credit-model.ts';

/** The balance panel: available credits, what they still cover, and the plan. */
export function ExpandedLayout({ model }: { model: CreditModel }) {
  const snapshot = model.snapshot.value;
  if (!snapshot) {
    return (
      <div class="t-embed-panel t-embed-loading" aria-busy="true">
        <p class="t-embed-brand">Tally</p>
        <p class="t-muted">Loading your credits…</p>
      </div>
    );
  }
  return (
    <div class="t-embed-panel">
      <header class="t-embed-head">
        <span class="t-embed-brand">Tally</span>
        <span class="t-muted" data-testid="embed-who">
          {snapshot.account.name} · {snapshot.member.name}
        </span>
      </header>
      <BalanceMeter model={model} />
      <RemainingOperations model={model} />
      <PlanCard model={model} />
      <div class="t-section">
        <Freshness model={model} />
      </div>
    </div>
  );
}
