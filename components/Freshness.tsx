import type { CreditModel } from '../lib/store/credit-model.ts';
import { useMessages } from './messages-context.ts';

interface FreshnessProps {
  model: CreditModel;
  /** Offered when the token was refused; otherwise the model refreshes itself. */
  onReconnect?: () => void;
}

/** "synced 3 s ago", "offline since 10:42": how old the numbers on screen are. */
export function Freshness({ model, onReconnect }: FreshnessProps) {
  const status = model.status.value;
  const m = useMessages();
  return (
    <p class={`t-fresh t-fresh--${status}`} role="status" aria-live="polite">
      <span class="t-dot" aria-hidden="true" />
      <span data-testid="freshness">{model.freshness.value}</span>
      {status === 'offline' && (
        <button type="button" class="t-button t-button--quiet" onClick={() => model.refresh()}>
          {m.t('retry')}
        </button>
      )}
      {status === 'unauthorized' && onReconnect && (
        <button type="button" class="t-button t-button--quiet" onClick={onReconnect}>
          {m.t('reconnect')}
        </button>
      )}
    </p>
  );
}
