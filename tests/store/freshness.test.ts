import { expect, test } from 'vitest';
import { freshnessText } from '../../lib/store/freshness.ts';
import { english } from '../support/english.ts';

const at = Date.parse('2026-11-20T10:42:00.000Z');
const later = (ms: number) => at + ms;

test('fresh numbers say how long ago they were synced', () => {
  expect(freshnessText('fresh', at, later(1000), english, 'UTC')).toBe('synced just now');
  expect(freshnessText('fresh', at, later(3000), english, 'UTC')).toBe('synced 3 s ago');
  expect(freshnessText('fresh', at, later(59_999), english, 'UTC')).toBe('synced 59 s ago');
  expect(freshnessText('fresh', at, later(2 * 60_000), english, 'UTC')).toBe('synced 2 min ago');
  expect(freshnessText('fresh', at, later(5 * 3_600_000), english, 'UTC')).toBe('synced 5 h ago');
  expect(freshnessText('fresh', at, later(3 * 86_400_000), english, 'UTC')).toBe('synced 3 d ago');
});

test('offline says since when, with the day once it is not today', () => {
  expect(freshnessText('offline', at, later(60_000), english, 'UTC')).toBe('offline since 10:42');
  expect(freshnessText('offline', at, later(86_400_000), english, 'UTC')).toBe(
    'offline since Nov 20, 10:42',
  );
  expect(freshnessText('offline', null, at, english, 'UTC')).toBe('offline');
});

test('the time is the reader’s own zone', () => {
  expect(freshnessText('offline', at, later(60_000), english, 'Europe/Paris')).toBe(
    'offline since 11:42',
  );
});

test('loading, refused and unconfigured states', () => {
  expect(freshnessText('loading', null, at, english)).toBe('syncing…');
  expect(freshnessText('loading', at, later(3000), english, 'UTC')).toBe(
    'synced 3 s ago · syncing…',
  );
  expect(freshnessText('unauthorized', at, at, english)).toBe('reconnect needed');
  expect(freshnessText('unconfigured', null, at, english)).toBe('not connected');
});
