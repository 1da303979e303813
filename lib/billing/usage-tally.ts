import { Decimal, parseCreditChange, parseCredits, toCreditsString } from './decimal.ts';
import { instantMs, toInstant } from './instant.ts';
import type { AccountState, DailyCredits, Instant, Transition, UsageTally } from './types.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The pace reads the usage of the last 7 × 24 hours of the term (docs/billing.md, Insight). */
const PACE_DAYS = 7;

/** The UTC date (`YYYY-MM-DD`) of an instant. */
export function utcDay(instant: Instant | number): string {
  const ms = typeof instant === 'number' ? instant : instantMs(instant);
  return new Date(ms).toISOString().slice(0, 10);
}

/** The first UTC day the pace reads at `nowMs`: the day of `now − 7 × 24 h`. */
export function firstPaceDay(nowMs: number): string {
  return utcDay(nowMs - PACE_DAYS * DAY_MS);
}

/**
 * The pace's window at `now`: `[max(term start, now − 7 × 24 h), now)`. The tally has the
 * credits of whole UTC days; when the window starts inside an earlier day than the term's
 * first, `slice` is the part of that day the window covers, whose usage comes from the ledger
 * (the tally's days count from `slice.to` on). Without a slice the window is the whole term,
 * and so is the tally.
 */
export interface PaceWindow {
  startMs: number;
  slice: { from: Instant; to: Instant } | null;
}

export function paceWindow(termStart: Instant, now: Instant): PaceWindow {
  const weekAgo = instantMs(now) - PACE_DAYS * DAY_MS;
  const termMs = instantMs(termStart);
  if (termMs >= weekAgo) return { startMs: termMs, slice: null };
  const nextDay = Date.parse(`${utcDay(weekAgo)}T00:00:00.000Z`) + DAY_MS;
  return { startMs: weekAgo, slice: { from: toInstant(weekAgo), to: toInstant(nextDay) } };
}

/**
 * The term a usage tally belongs to: the cycle's anchor and term, whatever the plan. A switch
 * to free keeps the anchor and the term goes on, so its usage goes on counting (the pace's
 * window and the projection run from the term's start); a renewal or an upgrade starts a new
 * term. (Tallies kept before this key was used carry `plan@anchor#term`: the plan is ignored.)
 */
function usageTermOf(state: AccountState): string {
  return `${state.cycle.anchor}#${state.cycle.term}`;
}

/** `tally` when it is of the account's current term, else none. */
export function tallyOfTerm(
  tally: UsageTally | undefined,
  state: AccountState,
): UsageTally | undefined {
  return tally && tally.term.slice(tally.term.indexOf('@') + 1) === usageTermOf(state)
    ? tally
    : undefined;
}

/**
 * The credits one usage or capture took (plan and overage): a usage's entry carries them; a
 * capture's entry carries what returned of its hold, so what it used is the hold less that.
 */
function creditsUsed(transition: Transition, index: number): Decimal {
  const entry = transition.entries[index];
  if (!entry) return new Decimal(0);
  const overage = parseCredits(entry.overageCredits);
  const change = parseCreditChange(entry.credits);
  if (entry.kind === 'usage') return overage.minus(change);
  const hold = transition.holds.find(({ id }) => id === entry.holdId);
  const held = hold ? parseCredits(hold.credits) : new Decimal(0);
  return held.minus(change).plus(overage);
}

/**
 * The account's usage tally after a transition: its usage and captures added to the counts of
 * their operations and to the credits of their day. A new term starts an empty tally (a
 * switch to free does not: its term goes on); days before the pace's first day are dropped, so
 * it never holds more than 8 days. Nothing changes (the same object back) when the transition
 * used nothing in the same term.
 */
export function tallyUsage(before: AccountState, transition: Transition): UsageTally | undefined {
  const term = usageTermOf(transition.state);
  const kept = tallyOfTerm(before.usage, transition.state);
  const uses = transition.entries
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.kind === 'usage' || entry.kind === 'capture');
  const last = uses.at(-1);
  if (!last) return kept;
  const counts = { ...kept?.counts };
  // Only the days this change used are parsed and written again; the others stay as they are.
  const added = new Map<string, Decimal>();
  for (const { entry, index } of uses) {
    const operation = entry.operation ?? '';
    counts[operation] = (counts[operation] ?? 0) + (entry.quantity ?? 0);
    const day = utcDay(entry.at);
    added.set(day, (added.get(day) ?? new Decimal(0)).plus(creditsUsed(transition, index)));
  }
  const first = firstPaceDay(instantMs(last.entry.at));
  const recent: DailyCredits[] = [];
  for (const { day, credits } of kept?.days ?? []) {
    if (day < first) continue;
    const more = added.get(day);
    added.delete(day);
    recent.push(
      more ? { day, credits: toCreditsString(parseCredits(credits).plus(more)) } : { day, credits },
    );
  }
  for (const [day, credits] of added) {
    if (day >= first) recent.push({ day, credits: toCreditsString(credits) });
  }
  recent.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return { term, counts, days: recent };
}

/** The transition's state with its tally: kept up to date, or left out when it has none. */
export function withUsageTally(before: AccountState, transition: Transition): AccountState {
  const { usage: _, ...state } = transition.state;
  const usage = tallyUsage(before, transition);
  return usage ? { ...state, usage } : state;
}
