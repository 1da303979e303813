import { findPlan } from '../../lib/billing/index.ts';
import type { Catalog, PlanId } from '../../lib/billing/types.ts';
import { newId } from '../auth.ts';
import { billingInvalid } from '../errors.ts';
import {
  type LedgerTx,
  type Member,
  NotFoundError,
  type Outcome,
  type UpgradeRequest,
} from './ledger.ts';

// An upgrade request's life (docs/api.md): a member asks for a plan (a second request replaces its
// open one); an admin approves it, which is exactly a plan change, or declines it with a reason.
// A plan change made otherwise approves the open requests for the plan it moved to. A request is
// decided once.

export interface RequestRefusal {
  code: 'forbidden' | 'request_not_open';
  message: string;
}

export async function requestUpgrade(
  tx: LedgerTx,
  member: Member,
  input: { planId: PlanId; note?: string | undefined },
  context: { catalog: Catalog; now: string },
): Promise<UpgradeRequest> {
  findPlan(context.catalog, input.planId);
  const { accountId } = member;
  // Read under the account's lock: a plan change committed a moment ago (which approved the
  // requests for its plan) is seen, so no request for the plan in force is left open.
  const { applied } = await tx.apply(accountId, { kind: 'settle' });
  if (applied.state.planId === input.planId) {
    throw billingInvalid(`The account is already on ${input.planId}; ask for another plan.`);
  }
  for (const open of await tx.upgradeRequests(accountId, { memberId: member.id, status: 'open' })) {
    tx.saveUpgradeRequest(accountId, { ...open, status: 'replaced', decidedAt: context.now });
  }
  const request: UpgradeRequest = {
    id: newId('upr'),
    memberId: member.id,
    planId: input.planId,
    note: input.note ?? null,
    status: 'open',
    at: context.now,
    decidedAt: null,
    decidedBy: null,
    reason: null,
  };
  tx.saveUpgradeRequest(accountId, request);
  await tx.touch(accountId);
  return request;
}

function adminOnly(member: Member, action: string): RequestRefusal | null {
  if (member.role === 'admin') return null;
  return { code: 'forbidden', message: `Only an account admin can ${action}; ask your admin.` };
}

async function openRequest(
  tx: LedgerTx,
  accountId: string,
  requestId: string,
): Promise<UpgradeRequest | RequestRefusal> {
  const found = (await tx.upgradeRequests(accountId, {})).find(({ id }) => id === requestId);
  if (!found) throw new NotFoundError(`No upgrade request ${requestId} in this account`);
  if (found.status === 'open') return found;
  return {
    code: 'request_not_open',
    message: `This upgrade request was already ${found.status}.`,
  };
}

/** Approving is the plan change itself, with its charge; a decided request changes nothing. */
export async function approveUpgrade(
  tx: LedgerTx,
  admin: Member,
  requestId: string,
  now: string,
): Promise<{ request: UpgradeRequest; outcome: Outcome } | { refusal: RequestRefusal }> {
  const refusal = adminOnly(admin, 'approve an upgrade request');
  if (refusal) return { refusal };
  const found = await openRequest(tx, admin.accountId, requestId);
  if ('code' in found) return { refusal: found };
  const outcome = await tx.apply(admin.accountId, {
    kind: 'change-plan',
    memberId: admin.id,
    role: admin.role,
    planId: found.planId,
  });
  if (!outcome.applied.ok) return { request: found, outcome };
  const request: UpgradeRequest = {
    ...found,
    status: 'approved',
    decidedAt: now,
    decidedBy: admin.id,
  };
  tx.saveUpgradeRequest(admin.accountId, request);
  await approveAskingFor(tx, admin, found.planId, now);
  return { request, outcome };
}

/**
 * The admin moved the account to `planId`: every open request for that plan got what it asked
 * for, and is approved by that admin. (Approving one later would be a change to the plan the
 * account is on, which is refused, so it would stay open for good.) Requests for other plans
 * stay open.
 */
export async function approveAskingFor(
  tx: LedgerTx,
  admin: Member,
  planId: PlanId,
  now: string,
): Promise<void> {
  for (const open of await tx.upgradeRequests(admin.accountId, { status: 'open' })) {
    if (open.planId !== planId) continue;
    tx.saveUpgradeRequest(admin.accountId, {
      ...open,
      status: 'approved',
      decidedAt: now,
      decidedBy: admin.id,
    });
  }
}

export async function declineUpgrade(
  tx: LedgerTx,
  admin: Member,
  requestId: string,
  reason: string | undefined,
  now: string,
): Promise<{ request: UpgradeRequest } | { refusal: RequestRefusal }> {
  const refusal = adminOnly(admin, 'decline an upgrade request');
  if (refusal) return { refusal };
  const found = await openRequest(tx, admin.accountId, requestId);
  if ('code' in found) return { refusal: found };
  const request: UpgradeRequest = {
    ...found,
    status: 'declined',
    decidedAt: now,
    decidedBy: admin.id,
    reason: reason ?? null,
  };
  tx.saveUpgradeRequest(admin.accountId, request);
  await tx.touch(admin.accountId);
  return { request };
}
