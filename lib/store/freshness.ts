import type { SyncStatus } from './credit-source.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "10:42" the same day, "Jun 7, 10:42" before: enough to tell how old the numbers are. */
export function clockTime(at: number, now: number, timeZone?: string): string {
  const day = new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'short' });
  const sameDay = day.format(at) === day.format(now);
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(sameDay ? {} : { month: 'short', day: 'numeric' }),
  }).format(at);
}

function ago(elapsed: number): string {
  if (elapsed < 2 * SECOND) return 'just now';
  if (elapsed < MINUTE) return `${Math.floor(elapsed / SECOND)} s ago`;
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)} h ago`;
  return `${Math.floor(elapsed / DAY)} d ago`;
}

/**
 * How fresh the numbers on screen are, in words a person reads at a glance:
 * "synced 3 s ago", "offline since 10:42", "reconnect needed".
 */
export function freshnessText(
  status: SyncStatus,
  lastSyncedAt: number | null,
  now: number,
  timeZone?: string,
): string {
  switch (status) {
    case 'unconfigured':
      return 'not connected';
    case 'unauthorized':
      return 'reconnect needed';
    case 'outdated':
      return 'update needed';
    case 'offline':
      return lastSyncedAt === null
        ? 'offline'
        : `offline since ${clockTime(lastSyncedAt, now, timeZone)}`;
    case 'loading':
      return lastSyncedAt === null ? 'syncing…' : `synced ${ago(now - lastSyncedAt)} · syncing…`;
    case 'fresh':
      return lastSyncedAt === null ? 'synced' : `synced ${ago(Math.max(0, now - lastSyncedAt))}`;
  }
}
