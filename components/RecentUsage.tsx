import { useEffect } from 'preact/hooks';
import { activityLine } from '../lib/store/activity-line.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { useMessages } from './messages-context.ts';

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** "Nov 20, 10:42" in the locale, the formatter built once per locale. */
function timeFormat(locale: string): Intl.DateTimeFormat {
  let format = timeFormats.get(locale);
  if (!format) {
    const options = { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' } as const;
    format = new Intl.DateTimeFormat(locale, { ...options, hourCycle: 'h23' });
    timeFormats.set(locale, format);
  }
  return format;
}

/** The latest ledger entries, reloaded whenever the account changes version. */
export function RecentUsage({ model, limit = 6 }: { model: CreditModel; limit?: number }) {
  const m = useMessages();
  const version = model.snapshot.value?.version;
  useEffect(() => {
    if (version !== undefined) void model.loadLedger(limit);
  }, [model, version, limit]);
  const entries = model.entries.value;
  const catalog = model.catalog.value;
  if (version === undefined) return null;
  return (
    <section class="t-section" aria-label={m.t('recentUsage')}>
      <h2>{m.t('recentActivity')}</h2>
      {entries === null ? (
        <p class="t-muted">{m.t('loading')}</p>
      ) : entries.length === 0 ? (
        <p class="t-muted">{m.t('nothingYet')}</p>
      ) : (
        <ul class="t-list">
          {entries.slice(0, limit).map((entry) => {
            const spent = entry.credits.startsWith('-');
            const change = m.formats.creditAmount(entry.credits).replace('-', '−');
            // Only charges show a dollar amount; entries carry "0" otherwise.
            const charged = /[1-9]/.test(entry.amountUsd) && !entry.amountUsd.startsWith('-');
            const line = activityLine(entry, catalog, m);
            return (
              <li key={entry.id}>
                <span>
                  <span lang={line.lang}>{line.text}</span>
                  <br />
                  <span class="t-muted">{timeFormat(m.locale).format(new Date(entry.at))}</span>
                </span>
                <span class={spent ? 't-negative' : 't-positive'}>
                  {spent || entry.credits === '0' ? change : `+${change}`}
                  {charged && <span class="t-muted"> · {m.formats.usd(entry.amountUsd)}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
