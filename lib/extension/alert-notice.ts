import type { AlertEvent, Snapshot } from '../api/schemas/snapshot.ts';
import { formatCredits } from '../billing/format.ts';
import type { Notice } from './request-notice.ts';

/** Low-balance notifications are named by this prefix, so a click on one opens the popup. */
export const ALERT_NOTICE_PREFIX = 'tally-alert:';

/**
 * The browser notification of one low-balance alert (BILLING.md): one per alert, named after
 * the alert so the same alert heard twice (a stream resumed) shows once.
 */
export function alertNotice(alert: AlertEvent, snapshot: Snapshot | null): Notice & { id: string } {
  const account = snapshot?.account.name ?? 'Your account';
  const id = `${ALERT_NOTICE_PREFIX}${alert.threshold}@${alert.at}`;
  if (alert.threshold === 'exhausted') {
    return {
      id,
      title: 'Tally: no credits left',
      message: `${account} has used all of this term's credits. Open Tally to see your options.`,
    };
  }
  return {
    id,
    title: `Tally: credits below ${alert.threshold} %`,
    message: `${account} has ${formatCredits(alert.available)} left, ${alert.threshold} % of this term's or less. Open Tally to see the pace.`,
  };
}
