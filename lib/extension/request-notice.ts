import { storage } from 'wxt/utils/storage';
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
): Promise<Notice | null> {
  const snapshot = state.snapshot;
  if (snapshot?.member.role !== 'admin') return null;
  const open = snapshot.upgradeRequests.open;
  const before = await seen.getValue();
  if (open === before) return null;
  await seen.setValue(open);
  if (open < before) return null;
  return {
    title: 'Tally: upgrade request',
    message:
      open === 1
        ? `A member of ${snapshot.account.name} asks to upgrade. Open Tally to approve or decline.`
        : `${open} upgrade requests of ${snapshot.account.name} are waiting. Open Tally to answer.`,
  };
}
