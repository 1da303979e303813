import { Decimal } from '../lib/billing/decimal';
import { formatCredits } from '../lib/billing/format';
import type { CreditModel } from '../lib/store/credit-model';

interface BalanceChipProps {
  model: CreditModel;
  onClick?: () => void;
  expanded?: boolean;
}

/** The compact balance ("4,568.7 credits"); never shows numbers that a refused token made stale. */
export function BalanceChip({ model, onClick, expanded }: BalanceChipProps) {
  const status = model.status.value;
  const balance = model.balance.value;
  let state = 'ok';
  let label: string;
  let note: string | null = null;
  if (status === 'unauthorized') {
    state = 'reconnect';
    label = 'Reconnect Tally';
  } else if (status === 'unconfigured') {
    state = 'reconnect';
    label = 'Connect Tally';
  } else if (!balance) {
    state = status === 'offline' ? 'offline' : 'loading';
    label = status === 'offline' ? 'Tally offline' : 'Tally…';
  } else {
    const none = new Decimal(balance.available).lessThanOrEqualTo(0);
    label = none ? 'No credits left' : formatCredits(balance.available);
    if (status === 'offline') {
      state = 'offline';
      note = 'offline';
    } else if (none) {
      state = 'low';
    } else if (balance.low) {
      state = 'low';
      note = 'low';
    }
  }
  return (
    <button
      type="button"
      class={`t-chip t-chip--${state}`}
      title={`Tally: ${model.freshness.value}`}
      aria-expanded={onClick ? expanded : undefined}
      onClick={onClick}
    >
      <span class="t-dot" aria-hidden="true" />
      <span data-testid="chip-label">{label}</span>
      {note && <span class="t-chip__note">· {note}</span>}
    </button>
  );
}
