import type { Messages } from '../i18n/messages.ts';
import type { SyncStatus } from './credit-source.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "10:42" the same day, "Jun 7, 10:42" before: enough to tell how old the numbers are. */
export function clockTime(at: number, now: number, locale: string, timeZone?: string): string {
  const day = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'short' });
  const sameDay = day.format(at) === day.format(now);
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(sameDay ? {} : { month: 'short', day: 'numeric' }),
  }).format(at);
}

function ago(elapsed: number, m: Messages): string {
  const count = (unit: number) => m.formats.count(Math.floor(elapsed / unit));
  if (elapsed < 2 * SECOND) return m.t('justNow');
  if (elapsed < MINUTE) return m.t('secondsAgo', { count: count(SECOND) });
  if (elapsed < HOUR) return m.t('minutesAgo', { count: count(MINUTE) });
  if (elapsed < DAY) return m.t('hoursAgo', { count: count(HOUR) });
  return m.t('daysAgo', { count: count(DAY) });
}

/**
 * How fresh the numbers on screen are, in words a person reads at a glance:
 * "synced 3 s ago", "offline since 10:42", "reconnect needed".
 */
export function freshnessText(
  status: SyncStatus,
  lastSyncedAt: number | null,
  now: number,
  m: Messages,
  timeZone?: string,
): string {
  switch (status) {
    case 'unconfigured':
      return m.t('notConnected');
    case 'unauthorized':
      return m.t('reconnectNeeded');
    case 'outdated':
      return m.t('updateNeeded');
    case 'offline':
      return lastSyncedAt === null
        ? m.t('offline')
        : m.t('offlineSince', { time: clockTime(lastSyncedAt, now, m.locale, timeZone) });
    case 'loading':
      return lastSyncedAt === null
        ? m.t('syncing')
        : m.t('syncedAgoSyncing', { ago: ago(now - lastSyncedAt, m) });
    case 'fresh':
      return lastSyncedAt === null
        ? m.t('synced')
        : m.t('syncedAgo', { ago: ago(Math.max(0, now - lastSyncedAt), m) });
  }
}
