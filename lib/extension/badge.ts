import { formatCompactCredits } from '../billing/compact-credits.ts';
import { Decimal } from '../billing/decimal.ts';
import type { Messages } from '../i18n/messages.ts';
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
export function badgeFor(state: PublicState, m: Messages): Badge {
  if (state.status === 'unconfigured')
    return { text: '', color: BADGE_COLORS.stale, title: m.t('badgeConnect') };
  if (state.status === 'unauthorized') {
    return { text: '!', color: BADGE_COLORS.low, title: m.t('badgeReconnect') };
  }
  const snapshot = state.snapshot;
  if (!snapshot) return { text: '…', color: BADGE_COLORS.stale, title: m.t('badgeSyncing') };
  const { available, granted } = snapshot.credits;
  const text = formatCompactCredits(available);
  // The title agrees with the number it shows: "1 credit" for 1.5 available, shown as "1".
  const shown = /^\d+$/.test(text) ? text : available;
  const title = m.tn('badgeAvailable', shown, { amount: text });
  if (state.status === 'offline') {
    return { text, color: BADGE_COLORS.stale, title: m.t('badgeOffline', { title }) };
  }
  // An admin with members waiting on an answer sees that first: "↑1".
  const open = snapshot.member.role === 'admin' ? snapshot.upgradeRequests.open : 0;
  if (open > 0) {
    const waiting = m.tn('badgeRequestsWaiting', open, { title });
    return { text: `↑${open}`, color: BADGE_COLORS.request, title: waiting };
  }
  // A low-balance alert fired this term, or under 10 % left: the warning colour.
  const warn = isLow(available, granted) || snapshot.alerts.fired.length > 0;
  return { text, color: warn ? BADGE_COLORS.low : BADGE_COLORS.normal, title };
}
