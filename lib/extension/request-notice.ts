import { storage } from 'wxt/utils/storage';
import type { Messages } from '../i18n/messages.ts';
import type { PublicState } from './public-state.ts';

/** The open requests an admin was last told about, kept so a restarted worker does not repeat itself. */
export function defineSeenRequestsItem() {
  return storage.defineItem<number>('local:seen-upgrade-requests', { fallback: 0 });
}

export type SeenRequestsItem = ReturnType<typeof defineSeenRequestsItem>;

export interface Notice {
  title: string;
  message: string;
}

/**
 * The browser notification an admin gets when the account's open upgrade requests grew since
 * it was last told (null otherwise; a member is never told of others' requests).
 */
export async function requestNotice(
  state: PublicState,
  seen: SeenRequestsItem,
  m: Messages,
): Promise<Notice | null> {
  const snapshot = state.snapshot;
  if (snapshot?.member.role !== 'admin') return null;
  const open = snapshot.upgradeRequests.open;
  const before = await seen.getValue();
  if (open === before) return null;
  await seen.setValue(open);
  if (open < before) return null;
  const account = snapshot.account.name;
  return {
    title: m.t('requestNoticeTitle'),
    message:
      open === 1
        ? m.t('requestNoticeOne', { account })
        : m.t('requestNoticeMany', { count: m.formats.count(open), account }),
  };
}
