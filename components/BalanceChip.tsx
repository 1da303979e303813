import { useState } from 'preact/hooks';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { useMessages } from './messages-context.ts';

interface BalanceChipProps {
  model: CreditModel;
  onClick?: () => void;
  expanded?: boolean;
}

/** The compact balance ("4,568.7 credits"); never shows numbers that a refused token made stale. */
export function BalanceChip({ model, onClick, expanded }: BalanceChipProps) {
  const m = useMessages();
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
    label = m.t('reconnectTally');
  } else if (status === 'unconfigured') {
    state = 'reconnect';
    label = m.t('connectTally');
  } else if (!balance) {
    state = status === 'offline' ? 'offline' : 'loading';
    label = m.t(status === 'offline' ? 'tallyOffline' : 'tallyLoading');
  } else {
    const none = balance.empty;
    label = none ? m.t('noCreditsLeft') : m.tn('credits', balance.available);
    if (status === 'offline') {
      state = 'offline';
      note = m.t('noteOffline');
    } else if (none) {
      state = 'low';
    } else if (balance.low) {
      state = 'low';
      note = m.t('noteLow');
    } else if (runsOutAt) {
      // At this pace the credits end before the renewal (the insight says so only then).
      state = 'warning';
      note = m.t('runsOut', { day: m.formats.day(runsOutAt) });
    }
  }
  return (
    <button
      type="button"
      class={`t-chip t-chip--${state}`}
      title={m.t('chipTitle', { freshness })}
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
