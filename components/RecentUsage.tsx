import { useEffect } from 'preact/hooks';
import { formatCreditAmount, formatUsd } from '../lib/billing/format.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';

const time = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The latest ledger entries, reloaded whenever the account changes version. */
export function RecentUsage({ model, limit = 6 }: { model: CreditModel; limit?: number }) {
  const version = model.snapshot.value?.version;
  useEffect(() => {
    if (version !== undefined) void model.loadLedger(limit);
  }, [model, version, limit]);
  const entries = model.entries.value;
  if (version === undefined) return null;
  return (
    <section class="t-section" aria-label="Recent usage">
      <h2>Recent activity</h2>
      {entries === null ? (
        <p class="t-muted">Loading…</p>
      ) : entries.length === 0 ? (
        <p class="t-muted">Nothing yet this term.</p>
      ) : (
        <ul class="t-list">
          {entries.slice(0, limit).map((entry) => {
            const spent = entry.credits.startsWith('-');
            const change = formatCreditAmount(entry.credits).replace('-', '−');
            // Only charges show a dollar amount; entries carry "0" otherwise.
            const charged = /[1-9]/.test(entry.amountUsd) && !entry.amountUsd.startsWith('-');
            return (
              <li key={entry.id}>
                <span>
                  {entry.description}
                  <br />
                  <span class="t-muted">{time.format(new Date(entry.at))}</span>
                </span>
                <span class={spent ? 't-negative' : 't-positive'}>
                  {spent || entry.credits === '0' ? change : `+${change}`}
                  {charged && <span class="t-muted"> · {formatUsd(entry.amountUsd)}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
