import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
  activityByLine,
  activityLine,
  needsTeamNames,
  positive,
} from '../lib/store/activity-line.ts';
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

/** Lines "Show more" adds, and the most the list shows (what the worker reads at once). */
const moreLines = 20;
const mostLines = 100;

interface RecentUsageProps {
  model: CreditModel;
  /** Lines shown at first. */
  limit?: number;
  /** Where an admin reads the members' names from; without it they are "a teammate". */
  team?: TeamPort | undefined;
}

/** The latest ledger entries, reloaded whenever the account changes version. */
export function RecentUsage({ model, limit: first = 6, team }: RecentUsageProps) {
  const m = useMessages();
  const snapshot = model.snapshot.value;
  const version = snapshot?.version;
  const [limit, setLimit] = useState(first);
  // The limit the entries on screen were read with: "Show more" stays until fewer come back.
  const [readWith, setReadWith] = useState(first);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (version === undefined) return;
    let current = true;
    void model.loadLedger(limit).then(() => current && setReadWith(limit));
    return () => {
      current = false;
    };
  }, [model, version, limit]);
  const entries = model.entries.value;
  const catalog = model.catalog.value;
  const shown = entries?.slice(0, readWith) ?? [];
  const more = shown.length >= readWith && readWith < mostLines;
  // The limit "Show more" asked for, until the lines it brings are on screen.
  const asked = useRef<number | null>(null);
  const showMore = () => {
    asked.current = Math.min(readWith + moreLines, mostLines);
    setLimit(asked.current);
  };
  // The button goes once the rest is on screen: the focus goes to the list it was under.
  useEffect(() => {
    if (asked.current !== readWith) return;
    asked.current = null;
    if (!more && document.activeElement === document.body) list.current?.focus();
  }, [more, readWith]);
  // An admin sees every member's entries, and may read their names: only when some show here.
  const readTeam =
    team && snapshot?.member.role === 'admin' && needsTeamNames(shown, snapshot) ? team.load : null;
  const teamRead = useReadOnChange(readTeam, snapshot?.member.id, [team, version]);
  // Until the team is read, a line that needs a name from it does not guess one.
  const names =
    teamRead.value !== null
      ? new Map(teamRead.value.members.map((member) => [member.id, member.name]))
      : readTeam && teamRead.error === null
        ? null
        : new Map<string, string>();
  const heading = useId();
  if (!snapshot) return null;
  const byLines = activityByLine(shown, snapshot, m, names);
  return (
    <section class="t-section" aria-labelledby={heading}>
      <h2 id={heading}>{m.t('recentActivity')}</h2>
      {entries === null ? (
        <p class="t-muted">{m.t('loading')}</p>
      ) : entries.length === 0 ? (
        <p class="t-muted">{m.t('nothingYet')}</p>
      ) : (
        <ul class="t-list" ref={list} tabIndex={-1}>
          {shown.map((entry, index) => {
            const spent = entry.credits.startsWith('-');
            // A rollover, a switch to Free, a capture of exactly what was held: no change to
            // the credits available, so no "0" beside them.
            const changed = positive(entry.credits.replace('-', ''));
            const change = m.formats.creditAmount(entry.credits).replace('-', '−');
            // Only charges show a dollar amount; entries carry "0" otherwise.
            const charged = positive(entry.amountUsd);
            const line = activityLine(entry, catalog, m);
            const when = timeFormat(m.locale).format(new Date(entry.at));
            const who = byLines[index];
            return (
              <li key={entry.id}>
                <span>
                  {/* A new span when the language changes (the record, then the UI's words
                      once the catalogue is in): taking lang away from a span leaves lang="",
                      which says "unknown" instead of the UI's language. */}
                  <span key={line.lang ?? m.locale} lang={line.lang}>
                    {line.text}
                  </span>
                  <br />
                  <span class="t-muted">{who ? m.t('activityWhenBy', { when, who }) : when}</span>
                </span>
                {(changed || charged) && (
                  <span class={spent ? 't-negative' : 't-positive'}>
                    {changed && (spent ? change : `+${change}`)}
                    {charged && (
                      <span class="t-muted">
                        {changed && ' · '}
                        {m.formats.usd(entry.amountUsd)}
                      </span>
                    )}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {more && (
        <button
          type="button"
          class="t-button t-button--quiet"
          aria-busy={limit !== readWith}
          onClick={showMore}
        >
          {m.t('showMoreActivity')}
        </button>
      )}
    </section>
  );
}
