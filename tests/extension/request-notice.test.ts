import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { PublicState } from '../../lib/extension/public-state.ts';
import { defineSeenRequestsItem, requestNotice } from '../../lib/extension/request-notice.ts';
import { english } from '../support/english.ts';
import { snapshotOf } from './snapshot-fixture.ts';

beforeEach(() => fakeBrowser.reset());

function withOpen(open: number, role: 'admin' | 'member' = 'admin'): PublicState {
  const snapshot = snapshotOf();
  snapshot.upgradeRequests.open = open;
  snapshot.member.role = role;
  return { status: 'fresh', snapshot, syncedAt: null, baseUrl: null };
}

test('an admin is told once when a request arrives, not again for the same count', async () => {
  const seen = defineSeenRequestsItem();
  expect(await requestNotice(withOpen(0), seen, english)).toBeNull();
  expect(await requestNotice(withOpen(1), seen, english)).toEqual({
    title: 'Tally: upgrade request',
    message: 'A member of Studio North asks to upgrade. Open Tally to approve or decline.',
  });
  expect(await requestNotice(withOpen(1), seen, english)).toBeNull();
  // Answered, then a new one: told again.
  expect(await requestNotice(withOpen(0), seen, english)).toBeNull();
  expect(await requestNotice(withOpen(1), seen, english)).not.toBeNull();
});

test('a member is never told of requests', async () => {
  expect(await requestNotice(withOpen(1, 'member'), defineSeenRequestsItem(), english)).toBeNull();
});
