import { formatCompactCredits } from '../billing/compact-credits.ts';
import { Decimal } from '../billing/decimal.ts';
import type { PublicState } from './public-state.ts';

export interface Badge {
  text: string;
  color: string;
  /** The toolbar tooltip. */
  title: string;
}

export const BADGE_COLORS = {
  normal: '#2f6f4f',
  low: '#c2410c',
  stale: '#6b7280',
  request: '#1d4ed8',
} as const;

/** "Low" is below 10% of the term's credits (granted = allotment + rollover). */
export function isLow(available: string, granted: string): boolean {
  return new Decimal(available).lessThan(new Decimal(granted).times('0.1'));
}

/** What the toolbar shows for a state: the available credits in short form ("4.5k"). */
export function badgeFor(state: PublicState): Badge {
  if (state.status === 'unconfigured')
    return { text: '', color: BADGE_COLORS.stale, title: 'Tally: connect' };
  if (state.status === 'unauthorized') {
    return { text: '!', color: BADGE_COLORS.low, title: 'Tally: reconnect' };
  }
  const snapshot = state.snapshot;
  if (!snapshot) return { text: '…', color: BADGE_COLORS.stale, title: 'Tally: syncing' };
  const { available, granted } = snapshot.credits;
  const text = formatCompactCredits(available);
  const title = `Tally: ${text} credits available`;
  if (state.status === 'offline') {
    return { text, color: BADGE_COLORS.stale, title: `${title} (offline)` };
  }
  // An admin with members waiting on an answer sees that first: "↑1".
  const open = snapshot.member.role === 'admin' ? snapshot.upgradeRequests.open : 0;
  if (open > 0) {
    const waiting = open === 1 ? '1 upgrade request' : `${open} upgrade requests`;
    return { text: `↑${open}`, color: BADGE_COLORS.request, title: `${title}; ${waiting} waiting` };
  }
  // A low-balance alert fired this term, or under 10 % left: the warning colour.
  const warn = isLow(available, granted) || snapshot.alerts.fired.length > 0;
  return { text, color: warn ? BADGE_COLORS.low : BADGE_COLORS.normal, title };
}
