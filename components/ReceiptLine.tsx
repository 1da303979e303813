import type { CreditModel } from '../lib/store/credit-model.ts';
import { useMessages } from './messages-context.ts';

/** What the last upgrade or overage payment charged, kept in view until dismissed. */
export function ReceiptLine({ model }: { model: CreditModel }) {
  const m = useMessages();
  const receipt = model.prompt.receipt.value;
  if (!receipt) return null;
  return (
    <div class="t-receipt" role="status">
      <span data-testid="receipt">{receipt}</span>
      <button
        type="button"
        class="t-button t-button--quiet"
        aria-label={m.t('dismissReceipt')}
        onClick={model.dismissReceipt}
      >
        ×
      </button>
    </div>
  );
}
