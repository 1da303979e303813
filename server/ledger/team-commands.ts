import type { Role } from '../../lib/billing/types.ts';
import { type LedgerTx, type Member, NotFoundError } from './ledger.ts';

// The rules of an account's team (docs/api.md, members): only an admin changes roles or removes
// members, and an account always keeps one admin. A removed member's tokens stop working at
// once; its ledger entries stay, and an upgrade request it left open is closed.

/** A team change that was refused, with the API error code it answers with. */
export interface TeamRefusal {
  code: 'forbidden' | 'last_admin';
  message: string;
}

/** Who asks: a member of the account (by its role), or the operator (the vendor's backend). */
export type Actor = Member | 'operator';

function mayManage(actor: Actor): TeamRefusal | null {
  if (actor === 'operator' || actor.role === 'admin') return null;
  return {
    code: 'forbidden',
    message: 'Only an account admin can manage members; ask your admin.',
  };
}

async function target(tx: LedgerTx, accountId: string, memberId: string) {
  const members = await tx.members(accountId);
  const member = members.find(({ id }) => id === memberId);
  if (!member) throw new NotFoundError(`No member ${memberId} in this account`);
  const otherAdmins = members.filter(({ id, role }) => id !== memberId && role === 'admin');
  return { member, lastAdmin: member.role === 'admin' && otherAdmins.length === 0 };
}

const lastAdmin = (what: string): TeamRefusal => ({
  code: 'last_admin',
  message: `${what} would leave the account without an admin; make another member admin first.`,
});

export async function changeRole(
  tx: LedgerTx,
  accountId: string,
  actor: Actor,
  memberId: string,
  role: Role,
): Promise<{ member: Member } | { refusal: TeamRefusal }> {
  const refusal = mayManage(actor);
  if (refusal) return { refusal };
  const found = await target(tx, accountId, memberId);
  if (found.member.role === role) return { member: found.member };
  if (found.lastAdmin) return { refusal: lastAdmin(`Making ${found.member.name} a member`) };
  await tx.updateMember(accountId, memberId, { role });
  await tx.touch(accountId);
  return { member: { ...found.member, role } };
}

export async function removeMember(
  tx: LedgerTx,
  accountId: string,
  actor: Actor,
  memberId: string,
  now: string,
): Promise<{ removed: Member } | { refusal: TeamRefusal }> {
  const refusal = mayManage(actor);
  if (refusal) return { refusal };
  const found = await target(tx, accountId, memberId);
  if (found.lastAdmin) return { refusal: lastAdmin(`Removing ${found.member.name}`) };
  await tx.updateMember(accountId, memberId, { removed: true });
  for (const request of await tx.upgradeRequests(accountId, { memberId, status: 'open' })) {
    tx.saveUpgradeRequest(accountId, {
      ...request,
      status: 'declined',
      decidedAt: now,
      decidedBy: actor === 'operator' ? null : actor.id,
      reason: `${found.member.name} was removed from the account.`,
    });
  }
  await tx.touch(accountId);
  return { removed: found.member };
}

/** A new token for the member; the old one stops working when this commits. */
export async function rotateToken(
  tx: LedgerTx,
  accountId: string,
  memberId: string,
): Promise<string> {
  await target(tx, accountId, memberId);
  const { token } = await tx.updateMember(accountId, memberId, { newToken: true });
  if (token === null) throw new Error('A rotation made no token');
  return token;
}
