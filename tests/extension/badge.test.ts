import { expect, test } from 'vitest';
import { BADGE_COLORS, badgeFor } from '../../lib/extension/badge.ts';
import type { PublicState } from '../../lib/extension/public-state.ts';
import { fr } from '../../lib/i18n/catalogues/fr.ts';
import { english, messagesIn } from '../support/english.ts';
import { snapshotOf } from './snapshot-fixture.ts';

const state = (available: string, status: PublicState['status'] = 'fresh'): PublicState => ({
  status,
  snapshot: snapshotOf({ available }),
  syncedAt: '2026-11-02T10:00:00.000Z',
  baseUrl: 'http://127.0.0.1:8787',
});

test('the badge shows the available credits in short form, truncated', () => {
  expect(badgeFor(state('4570'), english).text).toBe('4.5k');
  expect(badgeFor(state('4568.7'), english).text).toBe('4.5k');
  expect(badgeFor(state('950'), english).text).toBe('950');
});

test('below 10% of the term’s credits the badge turns to the warning colour', () => {
  // Growth grants 4,570 a term: 457 is exactly 10%, not below it.
  expect(badgeFor(state('457'), english).color).toBe(BADGE_COLORS.normal);
  expect(badgeFor(state('456.9'), english).color).toBe(BADGE_COLORS.low);
  expect(badgeFor(state('0'), english).color).toBe(BADGE_COLORS.low);
});

test('offline keeps the number in grey; a refused token shows "!" and no number', () => {
  expect(badgeFor(state('370', 'offline'), english)).toMatchObject({
    text: '370',
    color: BADGE_COLORS.stale,
  });
  expect(badgeFor(state('370', 'unauthorized'), english)).toMatchObject({
    text: '!',
    title: 'Tally: reconnect',
  });
  expect(badgeFor({ ...state('370'), status: 'unconfigured', snapshot: null }, english).text).toBe(
    '',
  );
});

test('an admin with upgrade requests waiting sees "↑N" in its own colour; a member does not', () => {
  const waiting = state('4570');
  if (!waiting.snapshot) throw new Error('the fixture has a snapshot');
  waiting.snapshot.upgradeRequests.open = 2;
  expect(badgeFor(waiting, english)).toEqual({
    text: '↑2',
    color: BADGE_COLORS.request,
    title: 'Tally: 4.5k credits available; 2 upgrade requests waiting',
  });
  waiting.snapshot.member.role = 'member';
  expect(badgeFor(waiting, english).text).toBe('4.5k');
});

test('its title agrees with the number it shows: one credit, and in French 0 too', () => {
  expect(badgeFor(state('1'), english).title).toBe('Tally: 1 credit available');
  expect(badgeFor(state('370'), english).title).toBe('Tally: 370 credits available');
  const french = messagesIn('fr', fr);
  expect(badgeFor(state('0'), french).title).toBe('Tally : 0 crédit disponible');
  expect(badgeFor(state('1.5'), english).title).toBe('Tally: 1 credit available');
  expect(badgeFor(state('1.5'), french).title).toBe('Tally : 1 crédit disponible');
  expect(badgeFor(state('2'), french).title).toBe('Tally : 2 crédits disponibles');
});
