// What the popup's Recent activity says of a ledger entry. The server writes each entry's
// description in English (the account's record, the same for every member); the entries a
// designer makes all day (operations, holds and what became of them) are said again here in the
// UI's language from the entry's own fields. The rest (a renewal, a plan change) keep the
// record's words, marked as English so that a screen reader reads them as English.
import type { Entry } from '../api/schemas/entry.ts';
import type { Snapshot } from '../api/schemas/snapshot.ts';
import type { Operation } from '../billing/types.ts';
import type { Messages } from '../i18n/messages.ts';
import { operationNames } from './display-names.ts';

export interface ActivityLine {
  text: string;
  /** The language of `text` when it is not the UI's. */
  lang?: string;
}

type Catalog = { readonly operations: readonly Operation[] } | null;

/** Whether a decimal string is above zero ("0", "0.0" and negatives are not). */
function positive(amount: string): boolean {
  return !amount.startsWith('-') && /[1-9]/.test(amount);
}

/** The entry's words in the UI's language, or the server's English record. */
export function activityLine(entry: Entry, catalog: Catalog, m: Messages): ActivityLine {
  const said = operationLine(entry, catalog, m);
  if (said !== null) return { text: said };
  return m.locale.split('-')[0] === 'en'
    ? { text: entry.description }
    : { text: entry.description, lang: 'en' };
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

/**
 * Who made the entry, when the list shows someone else's too ("by you", "by Ada", "by a
 * teammate"): a member knows the account's admins by name, an admin every member (`names`, read
 * from the team). Null for what the clock did (renewals, expiries), and for a list of one
 * person's entries.
 */
export function activityBy(
  entry: Entry,
  entries: readonly Entry[],
  snapshot: Snapshot,
  m: Messages,
  names: ReadonlyMap<string, string> = new Map(),
): string | null {
  const self = snapshot.member.id;
  const shared = entries.some((other) => other.memberId !== null && other.memberId !== self);
  if (!shared || entry.memberId === null) return null;
  if (entry.memberId === self) return m.t('activityByYou');
  const name =
    names.get(entry.memberId) ??
    snapshot.account.admins.find((someone) => someone.id === entry.memberId)?.name;
  return name === undefined ? m.t('activityByTeammate') : m.t('activityByName', { name });
}
