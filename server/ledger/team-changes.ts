import type { Member, UpgradeRequest, UpgradeRequestFilter } from './ledger.ts';
import type { Changes, MemberUpdate } from './store.ts';

// What a transaction sees of an account's team: the stored rows with the changes its earlier
// work made (new members, role changes, removals, upgrade requests) laid over them, in order.

export function membersAfter(stored: Member[], accountId: string, changes: Changes[]): Member[] {
  let members = stored;
  for (const change of changes) {
    const added = change.members
      .map(({ member }) => member)
      .filter((member) => member.accountId === accountId);
    members = [...members, ...added];
    for (const update of change.memberUpdates) {
      if (update.accountId === accountId) members = withUpdate(members, update);
    }
  }
  return members;
}

/** An account's members after one update (a new token changes nothing they show). */
export function withUpdate(members: Member[], update: MemberUpdate): Member[] {
  if (update.removedAt !== undefined) return members.filter(({ id }) => id !== update.memberId);
  const role = update.role;
  if (role === undefined) return members;
  return members.map((member) => (member.id === update.memberId ? { ...member, role } : member));
}

/** Newest first, as the stores return them. */
export function upgradeRequestsAfter(
  stored: UpgradeRequest[],
  accountId: string,
  filter: UpgradeRequestFilter,
  changes: Changes[],
): UpgradeRequest[] {
  const byId = new Map(stored.map((request) => [request.id, request]));
  for (const change of changes) {
    for (const { accountId: owner, request } of change.upgradeRequests.values()) {
      if (owner === accountId) byId.set(request.id, request);
    }
  }
  return [...byId.values()]
    .filter(
      (request) =>
        (filter.memberId === undefined || request.memberId === filter.memberId) &&
        (filter.status === undefined || request.status === filter.status),
    )
    .sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at < b.at ? 1 : -1));
}
