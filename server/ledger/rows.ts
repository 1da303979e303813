import { parseCreditChange, toCreditsString } from '../../lib/billing/decimal.ts';
import type { Role } from '../../lib/billing/types.ts';
import type { Charge, Entry, Member, StoredAnswer, UpgradeRequest, UsageRow } from './ledger.ts';

// Ledger rows as both stores return them (snake_case columns, decimals as text), and their API
// shapes (absent optionals are omitted).

export interface EntryRow {
  id: string;
  at: string;
  kind: string;
  member_id: string | null;
  operation: string | null;
  quantity: number | null;
  hold_id: string | null;
  plan_id: string | null;
  from_plan_id: string | null;
  terms: number | null;
  credits: string;
  overage_credits: string;
  amount_usd: string;
  available_after: string;
  description: string;
}

export interface MemberRow {
  id: string;
  account_id: string;
  name: string;
  role: Role;
}

export function memberFromRow(row: MemberRow): Member {
  return { id: row.id, accountId: row.account_id, name: row.name, role: row.role };
}

export interface ChargeRow {
  id: string;
  at: string;
  kind: 'subscription' | 'overage';
  amount_usd: string;
  description: string;
  entry_id: string | null;
}

export interface AnswerRow {
  request_hash: string;
  status: number;
  /** The answer's JSON text, as it was sent. */
  body: string;
}

/** A stored answer, with its text kept, so that a replay sends it byte for byte. */
export function storedAnswer(row: AnswerRow): StoredAnswer {
  return {
    requestHash: row.request_hash,
    status: row.status,
    body: JSON.parse(row.body),
    text: row.body,
  };
}

export function entryFromRow(row: EntryRow): Entry {
  return {
    id: row.id,
    at: row.at,
    kind: row.kind,
    memberId: row.member_id,
    ...(row.operation === null ? {} : { operation: row.operation }),
    ...(row.quantity === null ? {} : { quantity: row.quantity }),
    ...(row.hold_id === null ? {} : { holdId: row.hold_id }),
    ...(row.plan_id === null ? {} : { planId: row.plan_id }),
    ...(row.from_plan_id === null ? {} : { fromPlanId: row.from_plan_id }),
    ...(row.terms === null ? {} : { terms: row.terms }),
    credits: row.credits,
    overageCredits: row.overage_credits,
    amountUsd: row.amount_usd,
    availableAfter: row.available_after,
    description: row.description,
  };
}

export function chargeFromRow(row: ChargeRow): Charge {
  return {
    id: row.id,
    at: row.at,
    kind: row.kind,
    amountUsd: row.amount_usd,
    description: row.description,
    ...(row.entry_id === null ? {} : { entryId: row.entry_id }),
  };
}

export interface UpgradeRequestRow {
  id: string;
  member_id: string;
  plan_id: string;
  note: string | null;
  status: UpgradeRequest['status'];
  at: string;
  decided_at: string | null;
  decided_by: string | null;
  reason: string | null;
}

export function upgradeRequestFromRow(row: UpgradeRequestRow): UpgradeRequest {
  return {
    id: row.id,
    memberId: row.member_id,
    planId: row.plan_id,
    note: row.note,
    status: row.status,
    at: row.at,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    reason: row.reason,
  };
}

/** A usage or capture entry, with the credits its hold took (captures only). */
export interface UsageSourceRow {
  at: string;
  member_id: string | null;
  operation: string;
  quantity: number;
  credits: string;
  held: string | null;
  overage_credits: string;
  amount_usd: string;
}

/**
 * The plan credits an operation used: a usage entry's debit, or for a capture what its hold
 * took less what the capture returned (the capture entry alone shows only the return).
 */
export function usageFromRow(row: UsageSourceRow): UsageRow {
  const change = parseCreditChange(row.credits).plus(parseCreditChange(row.held ?? '0'));
  return {
    at: row.at,
    memberId: row.member_id,
    operation: row.operation,
    quantity: Number(row.quantity),
    credits: toCreditsString(change.negated()),
    overageCredits: row.overage_credits,
    amountUsd: row.amount_usd,
  };
}
