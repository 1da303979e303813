import type { Snapshot } from '../api/schemas/snapshot.ts';

/** Two snapshots describe the same thing when they are of one member of one account. */
function sameMember(a: Snapshot, b: Snapshot): boolean {
  return a.account.id === b.account.id && a.member.id === b.member.id;
}

/**
 * Whether `incoming` may replace `current`. Snapshot versions grow by one with every change
 * of the account (docs/api.md), and a stream event, a poll and a usage refresh can arrive out of
 * order: an older version must never overwrite a newer one. Another member's snapshot (after
 * a reconnect) always replaces: versions of different accounts do not compare.
 */
export function supersedes(incoming: Snapshot, current: Snapshot | null | undefined): boolean {
  if (!current || !sameMember(incoming, current)) return true;
  return incoming.version >= current.version;
}
