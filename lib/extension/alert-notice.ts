import type { AlertEvent, Snapshot } from '../api/schemas/snapshot.ts';
import type { Messages } from '../i18n/messages.ts';
import type { Notice } from './request-notice.ts';

/** Low-balance notifications are named by this prefix, so a click on one opens the popup. */
export const ALERT_NOTICE_PREFIX = 'tally-alert:';

/**
 * The browser notification of one low-balance alert (docs/billing.md): one per alert, named after
 * the alert so the same alert heard twice (a stream resumed) shows once.
 */
export function alertNotice(
  alert: AlertEvent,
  snapshot: Snapshot | null,
  m: Messages,
): Notice & { id: string } {
  const account = snapshot?.account.name ?? m.t('yourAccount');
  const id = `${ALERT_NOTICE_PREFIX}${alert.threshold}@${alert.at}`;
  if (alert.threshold === 'exhausted') {
    return {
      id,
      title: m.t('alertExhaustedTitle'),
      message: m.t('alertExhaustedMessage', { account }),
    };
  }
  return {
    id,
    title: m.t('alertTitle', { percent: alert.threshold }),
    message: m.t('alertMessage', {
      account,
      credits: m.tn('credits', alert.available),
      percent: alert.threshold,
    }),
  };
}
