// Loaded on demand (on-demand-chunk.ts) with its stylesheet, the first time a preflight needs the
// person's choice: most page loads never open the dialog.
import { OverageDialog } from '../components/OverageDialog.tsx';
import overageDialogCss from '../components/overage-dialog.css?inline';
import type { CreditModel } from '../lib/store/credit-model.ts';

interface EmbedDialogProps {
  model: CreditModel;
  onAsk: (planId: string) => Promise<unknown>;
}

/** The upgrade-or-pay-overage dialog; a member asks the admins for a plan from it. */
export function EmbedDialog({ model, onAsk }: EmbedDialogProps) {
  return (
    <>
      <style>{overageDialogCss}</style>
      <OverageDialog model={model} onAsk={onAsk} />
    </>
  );
}
