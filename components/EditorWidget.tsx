import { useEffect, useState } from 'preact/hooks';
import type { CreditModel } from '../lib/store/credit-model';
import { ChipPanel } from './ChipPanel';
import { CostPreview } from './CostPreview';
import { OverageDialog } from './OverageDialog';
import { type OperationTarget, watchOperationTargets } from './operation-target';
import { ReceiptLine } from './ReceiptLine';

interface EditorWidgetProps {
  model: CreditModel;
  /** The editor page whose `data-tally-operation` elements get cost previews. */
  page?: Document;
  theme?: 'light' | 'dark';
}

/** Everything Tally shows inside an editor page: the chip, hover previews and the dialog. */
export function EditorWidget({ model, page = document, theme }: EditorWidgetProps) {
  const [target, setTarget] = useState<OperationTarget | null>(null);
  useEffect(() => watchOperationTargets(page, setTarget), [page]);
  return (
    <div class="tally" data-theme={theme}>
      <div class="t-widget">
        <ReceiptLine model={model} />
        <ChipPanel model={model} class="t-widget__chip" opens="above" />
      </div>
      {target && (
        <CostPreview
          model={model}
          operation={target.operation}
          quantity={target.quantity}
          quantityText={target.quantityText}
          at={target.at}
        />
      )}
      <OverageDialog model={model} />
    </div>
  );
}
