// What the popup's Recent activity says of a ledger entry. The server writes each entry's
// description in English (the account's record, the same for every member); the entries a
// designer makes all day (operations, holds and what became of them) are said again here in the
// UI's language from the entry's own fields. What the calendar and plan changes did (a new term,
// an expiry, a plan change, a rollover) is said from its fields in another language; in English
// the record says it best (with its credits, prices and dates). An entry written before it had
// those fields, or whose line would name a plan the catalogue no longer has, keeps the record's
// words, marked as English so that a screen reader reads them as English.
import type { Entry } from '../api/schemas/entry.ts';
import type { Snapshot } from '../api/schemas/snapshot.ts';
import type { Catalog as BillingCatalog } from '../billing/types.ts';
import { languageOf } from '../i18n/locales.ts';
import type { Messages } from '../i18n/messages.ts';
import { operationNames, planNamed } from './display-names.ts';

/** What names an entry's operation and plans: the catalogue, or nothing yet. */
type Catalog = Pick<BillingCatalog, 'operations' | 'plans'> | null;

export interface ActivityLine {
  text: string;
  /** The language of `text` when it is not the UI's. */
  lang?: string;
}

/** Whether a decimal string is above zero ("0", "0.0" and negatives are not). */
export function positive(amount: string): boolean {
  return !amount.startsWith('-') && /[1-9]/.test(amount);
}

/** The entry's words in the UI's language, or the server's English record. */
export function activityLine(entry: Entry, catalog: Catalog, m: Messages): ActivityLine {
  const said = operationLine(entry, catalog, m);
  if (said !== null) return { text: said };
  if (languageOf(m.locale) === 'en') return { text: entry.description };
  const calendar = calendarLine(entry, catalog, m);
  return calendar === null ? { text: entry.description, lang: 'en' } : { text: calendar };
}

/** A new term, an expiry, a plan change or a rollover from its fields; null without them. */
function calendarLine(entry: Entry, catalog: Catalog, m: Messages): string | null {
  const plan = planNamed(catalog?.plans, entry.planId);
  const from = planNamed(catalog?.plans, entry.fromPlanId);
  switch (entry.kind) {
    case 'grant':
      if (plan === undefined) return null;
      return entry.terms === undefined
        ? m.t('activityNewTerm', { plan })
        : m.tn('activityDormantTerms', entry.terms, { plan });
    case 'expiry':
      // Written with its plan since entries have carried one: older ones keep their record.
      if (entry.planId === undefined) return null;
      return entry.terms === undefined
        ? m.t('activityExpiredUnused')
        : m.tn('activityExpiredDormant', entry.terms);
    case 'rollover':
      if (plan === undefined || from === undefined) return null;
      return m.t('activityRollover', {
        from,
        to: plan,
        left: m.tn('available', entry.availableAfter),
      });
    case 'plan-change':
      if (plan === undefined || from === undefined) return null;
      return m.t(positive(entry.credits) ? 'activityPlanChange' : 'activityPlanChangeKept', {
        from,
        to: plan,
      });
    default:
      return null;
  }
}

function operationLine(entry: Entry, catalog: Catalog, m: Messages): string | null {
  if (entry.operation === undefined || entry.quantity === undefined) return null;
  const { name } = operationNames(catalog, entry.operation);
  const what = m.t('quantityOf', { count: m.formats.count(entry.quantity), name });
  const line = lineOf(entry, what, m);
  if (line === null || !positive(entry.overageCredits)) return line;
  return m.t('activityOverage', { line, over: m.tn('credits', entry.overageCredits) });
}

function lineOf(entry: Entry, what: string, m: Messages): string | null {
  switch (entry.kind) {
    case 'usage':
      return what;
    case 'hold':
      return m.t('activityHeld', { what });
    case 'capture':
      return m.t(positive(entry.credits) ? 'activityCapturedRest' : 'activityCaptured', { what });
    case 'release':
      // The clock expires a hold; a member releases it.
      return m.t(entry.memberId === null ? 'activityExpired' : 'activityReleased', { what });
    default:
      return null;
  }
}

/** Whether an entry's maker is named without the team: the clock, the viewer or an admin. */
function namedWithoutTeam(entry: Entry, snapshot: Snapshot): boolean {
  return (
    entry.memberId === null ||
    entry.memberId === snapshot.member.id ||
    snapshot.account.admins.some((admin) => admin.id === entry.memberId)
  );
}

/** Whether the list shows an entry of someone else than the viewer (not the clock's). */
function othersIn(entries: readonly Entry[], snapshot: Snapshot): boolean {
  return entries.some((entry) => entry.memberId !== null && entry.memberId !== snapshot.member.id);
}

/** Whether naming who made the lines takes the team's names: an admin may read them. */
export function needsTeamNames(entries: readonly Entry[], snapshot: Snapshot): boolean {
  return othersIn(entries, snapshot) && entries.some((entry) => !namedWithoutTeam(entry, snapshot));
}

/**
 * Who made each entry, when the list shows someone else's too ("by you", "by Ada", "by a
 * teammate"): a member knows the account's admins by name, an admin every member (`names`, read
 * from the team; null while that read is under way, when such a line says nothing yet). Null
 * for what the clock did (renewals, expiries), and for a list of one person's entries.
 */
export function activityByLine(
  entries: readonly Entry[],
  snapshot: Snapshot,
  m: Messages,
  names: ReadonlyMap<string, string> | null = new Map(),
): (string | null)[] {
  const shared = othersIn(entries, snapshot);
  return entries.map((entry) => {
    if (!shared || entry.memberId === null) return null;
    if (entry.memberId === snapshot.member.id) return m.t('activityByYou');
    const name =
      snapshot.account.admins.find((admin) => admin.id === entry.memberId)?.name ??
      names?.get(entry.memberId);
    if (name !== undefined) return m.t('activityByName', { name });
    return names === null ? null : m.t('activityByTeammate');
  });
}
