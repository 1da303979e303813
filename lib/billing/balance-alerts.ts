import { Decimal, parseCredits } from './decimal.ts';
import { BillingError } from './errors.ts';
import type {
  AccountState,
  AlertMemory,
  AlertThreshold,
  Credits,
  EntryDraft,
  FiredAlertMemory,
  Instant,
} from './types.ts';

/** docs/billing.md "Low-balance alerts": 20 % and 5 % of the term's granted credits, unless set. */
export const DEFAULT_ALERT_THRESHOLDS: readonly number[] = [20, 5];

export interface FiredAlert {
  threshold: AlertThreshold;
  at: Instant;
  available: Credits;
  granted: Credits;
}

/**
 * The term an alert (or a usage tally) belongs to. A renewal moves `term`, a change to a paid
 * plan the anchor and a change to free the plan: each re-arms every threshold (docs/billing.md).
 */
export function termOf(state: AccountState): string {
  return `${state.planId}@${state.cycle.anchor}#${state.cycle.term}`;
}

/** docs/billing.md: an admin sets at most this many thresholds ("exhausted" is always there). */
export const MAX_ALERT_THRESHOLDS = 5;

/** Whole percentages from 1 to 99, each once, at most five; anything else throws. */
export function checkThresholds(thresholds: readonly number[]): void {
  if (thresholds.length > MAX_ALERT_THRESHOLDS) {
    throw new BillingError(
      'invalid_request',
      `At most ${MAX_ALERT_THRESHOLDS} alert thresholds; got ${thresholds.length}.`,
    );
  }
  for (const threshold of thresholds) {
    if (!Number.isInteger(threshold) || threshold < 1 || threshold > 99) {
      throw new BillingError(
        'invalid_request',
        `An alert threshold is a whole percentage from 1 to 99; got ${threshold}.`,
      );
    }
  }
  if (new Set(thresholds).size !== thresholds.length) {
    throw new BillingError('invalid_request', 'Each alert threshold may be given only once.');
  }
}

/**
 * The alerts a transition fires: each threshold once per term, at the first change that takes
 * the available credits to or below it (`exhausted`: to 0). Only a change that takes credits
 * away can fire one; an expiry cannot, since it ends the term it would belong to. `after` is the
 * transition's state (its term and granted credits), `entries` its entries in order, `memory`
 * what fired before; the answer is the memory to keep and what fired now, in order.
 */
export function balanceAlerts(
  after: AccountState,
  entries: readonly EntryDraft[],
  memory: AlertMemory | undefined,
  thresholds: readonly number[] = DEFAULT_ALERT_THRESHOLDS,
): { memory: AlertMemory; fired: FiredAlert[] } {
  checkThresholds(thresholds);
  const term = termOf(after);
  const kept = memory?.term === term ? memory.fired : [];
  const fired: FiredAlert[] = [];
  // Most changes take nothing away: no decimals to compute for them.
  const takers = entries.filter(
    (entry) => entry.kind !== 'expiry' && new Decimal(entry.credits).lessThan(0),
  );
  const done = new Set<AlertThreshold>(kept.map(({ threshold }) => threshold));
  // Highest first: one change that crosses several fires them in that order.
  const open = [...[...thresholds].sort((a, b) => b - a), 'exhausted' as const].filter(
    (threshold) => !done.has(threshold),
  );
  if (takers.length > 0 && open.length > 0) {
    const granted = parseCredits(after.credits.granted, 'Granted credits');
    // available ≤ granted × percent / 100, compared as 100 × available ≤ granted × percent.
    const levels = open.map((threshold): [AlertThreshold, Decimal] => [
      threshold,
      threshold === 'exhausted' ? new Decimal(0) : granted.times(threshold),
    ]);
    for (const entry of takers) {
      const available = parseCredits(entry.availableAfter, 'Available credits').times(100);
      for (const [threshold, level] of levels) {
        if (done.has(threshold) || available.greaterThan(level)) continue;
        done.add(threshold);
        fired.push({
          threshold,
          at: entry.at,
          available: entry.availableAfter,
          granted: after.credits.granted,
        });
      }
    }
  }
  const unchanged = memory?.term === term && fired.length === 0;
  const previous = memory?.term === term ? memory.previous : memory?.fired;
  return {
    memory: unchanged
      ? memory
      : {
          term,
          ...(previous?.length ? { previous } : {}),
          fired: [
            ...kept,
            ...fired.map(({ threshold, at, available }) => ({
              threshold,
              at,
              available,
              version: after.version,
            })),
          ],
        },
    fired,
  };
}

/** The alerts the account's memory holds for its current term, in the order they fired. */
export function firedThisTerm(state: AccountState): FiredAlertMemory[] {
  return state.alerts?.term === termOf(state) ? state.alerts.fired : [];
}

/**
 * The alerts that fired after version `since`, oldest first, as far as the memory goes back
 * (this term and the one before): what a stream that had that version has not heard of.
 */
export function alertsSince(state: AccountState, since: number): FiredAlertMemory[] {
  const memory = state.alerts;
  if (!memory) return [];
  return [...(memory.previous ?? []), ...firedThisTerm(state)].filter(
    ({ version }) => version !== undefined && version > since,
  );
}
