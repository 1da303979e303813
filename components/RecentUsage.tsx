import { useEffect } from 'preact/hooks';
import type { Snapshot } from '../lib/api/schemas/snapshot.ts';
import { activityBy, activityLine } from '../lib/store/activity-line.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import type { TeamPort } from '../lib/store/team-port.ts';
import { useMessages } from './messages-context.ts';
import { useReadOnChange } from './read-on-change.ts';

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

interface RecentUsageProps {
  model: CreditModel;
  limit?: number;
  /** Where an admin reads the members' names from; without it they are "a teammate". */
  team?: TeamPort | undefined;
}

/** Whether the entry needs no name from the team: the clock's, the viewer's or an admin's. */
function knownName(memberId: string | null, snapshot: Snapshot | null): boolean {
  return (
    memberId === null ||
    !snapshot ||
    memberId === snapshot.member.id ||
    snapshot.account.admins.some((admin) => admin.id === memberId)
  );
}

/** The latest ledger entries, reloaded whenever the account changes version. */
export function RecentUsage({ model, limit = 6, team }: RecentUsageProps) {
  const m = useMessages();
  const snapshot = model.snapshot.value;
  const version = snapshot?.version;
  useEffect(() => {
    if (version !== undefined) void model.loadLedger(limit);
  }, [model, version, limit]);
  const entries = model.entries.value;
  const catalog = model.catalog.value;
  const shown = entries?.slice(0, limit) ?? [];
  // An admin sees every member's entries, and may read their names: only when some show here.
  const nameless = shown.some((entry) => !knownName(entry.memberId, snapshot));
  const readTeam = team && snapshot?.member.role === 'admin' && nameless ? team.load : null;
  const { value: teamRead } = useReadOnChange(readTeam, snapshot?.member.id, [team, version]);
  const names = new Map(teamRead?.members.map((member) => [member.id, member.name]));
  if (!snapshot) return null;
  return (
    <section class="t-section" aria-label={m.t('recentUsage')}>
      <h2>{m.t('recentActivity')}</h2>
      {entries === null ? (
        <p class="t-muted">{m.t('loading')}</p>
      ) : entries.length === 0 ? (
        <p class="t-muted">{m.t('nothingYet')}</p>
      ) : (
        <ul class="t-list">
          {shown.map((entry) => {
            const spent = entry.credits.startsWith('-');
            const change = m.formats.creditAmount(entry.credits).replace('-', '−');
            // Only charges show a dollar amount; entries carry "0" otherwise.
            const charged = /[1-9]/.test(entry.amountUsd) && !entry.amountUsd.startsWith('-');
            const line = activityLine(entry, catalog, m);
            const when = timeFormat(m.locale).format(new Date(entry.at));
            const who = activityBy(entry, shown, snapshot, m, names);
            return (
              <li key={entry.id}>
                <span>
                  <span lang={line.lang}>{line.text}</span>
                  <br />
                  <span class="t-muted">{who ? m.t('activityWhenBy', { when, who }) : when}</span>
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
