import type { CreditModel } from '../lib/store/credit-model.ts';
import { BalanceMeter } from './BalanceMeter.tsx';
import { Freshness } from './Freshness.tsx';
import { PaceLine } from './PaceLine.tsx';
import { RemainingOperations } from './RemainingOperations.tsx';

interface BalancePanelProps {
  model: CreditModel;
  /** Extra classes for where the panel sits (the embed's popover places it under the chip). */
  class?: string | undefined;
}

/** The panel a balance chip opens: available credits, whether they last, what they still cover, and how fresh. */
export function BalancePanel({ model, class: placement }: BalancePanelProps) {
  return (
    <div class={placement ? `t-panel ${placement}` : 't-panel'}>
      <BalanceMeter model={model} />
      <PaceLine model={model} />
      <RemainingOperations model={model} />
      <div class="t-section">
        <Freshness model={model} />
      </div>
    </div>
  );
}
