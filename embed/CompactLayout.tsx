import { ChipPanel } from '../components/ChipPanel.tsx';
import type { CreditModel } from '../lib/store/credit-model.ts';

/** A chip that sits in the host's toolbar; it opens the balance panel in place. */
export function CompactLayout({ model }: { model: CreditModel }) {
  return (
    <ChipPanel model={model} class="t-embed-compact" opens="below" panelClass="t-embed-popover" />
  );
}
