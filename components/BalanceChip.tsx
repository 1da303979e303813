import { useState } from 'preact/hooks';
import { formatCredits, formatDay } from '../lib/billing/format.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';

interface BalanceChipProps {
  model: CreditModel;
  onClick?: () => void;
  expanded?: boolean;
}

/** The compact balance ("4,568.7 credits"); never shows numbers that a refused token made stale. */
export function BalanceChip({ model, onClick, expanded }: BalanceChipProps) {
  const status = model.status.value;
  const balance = model.balance.value;
  const runsOutAt = model.snapshot.value?.insight.runsOutAt ?? null;
  // The title's relative time is on screen only while the pointer or focus is on the chip:
  // read live then (the clock ticks), peeked otherwise, so an idle chip keeps no clock running.
  const [pointedAt, setPointedAt] = useState(false);
  const freshness = pointedAt ? model.freshness.value : model.freshness.peek();
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
    const none = balance.empty;
    label = none ? 'No credits left' : formatCredits(balance.available);
    if (status === 'offline') {
      state = 'offline';
      note = 'offline';
    } else if (none) {
      state = 'low';
    } else if (balance.low) {
      state = 'low';
      note = 'low';
    } else if (runsOutAt) {
      // At this pace the credits end before the renewal (the insight says so only then).
      state = 'warning';
      note = `runs out ${formatDay(runsOutAt)}`;
    }
  }
  return (
    <button
      type="button"
      class={`t-chip t-chip--${state}`}
      title={`Tally: ${freshness}`}
      onPointerEnter={() => setPointedAt(true)}
      onPointerLeave={() => setPointedAt(false)}
      onFocus={() => setPointedAt(true)}
      onBlur={() => setPointedAt(false)}
      aria-expanded={onClick ? expanded : undefined}
      onClick={onClick}
    >
      <span class="t-dot" aria-hidden="true" />
      <span data-testid="chip-label">{label}</span>
      {note && <span class="t-chip__note">· {note}</span>}
    </button>
  );
}
