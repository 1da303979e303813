import type { CreditModel } from '../lib/store/credit-model';
import { ChipPanel } from './ChipPanel';
import { HoverPreview } from './HoverPreview';
import { OverageDialog } from './OverageDialog';
import { ReceiptLine } from './ReceiptLine';

interface EditorWidgetProps {
  model: CreditModel;
  /** The editor page whose `data-tally-operation` elements get cost previews. */
  page?: Document;
  theme?: 'light' | 'dark';
}

/** Everything Tally shows inside an editor page: the chip, hover previews and the dialog. */
export function EditorWidget({ model, page = document, theme }: EditorWidgetProps) {
  return (
    <div class="tally" data-theme={theme}>
      <div class="t-widget">
        <ReceiptLine model={model} />
        <ChipPanel model={model} class="t-widget__chip" opens="above" />
      </div>
      <HoverPreview model={model} page={page} />
      <OverageDialog model={model} />
    </div>
  );
}
