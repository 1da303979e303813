import type { Changes } from '../ledger/store.ts';
import { sqliteOutboxWrites } from '../webhooks/sqlite-outbox-writes.ts';

/**
 * One write of a batch: SQL with its parameters. `expectOne` marks an account update guarded
 * by the version it was read at: it must change exactly one row, or the batch is refused.
 */
export interface Write {
  sql: string;
  params: (string | number | null)[];
  expectOne?: string;
}

const insertAccount =
  'INSERT INTO accounts (id, name, state, version, created_at) VALUES (?, ?, ?, ?, ?)';
const updateAccount = 'UPDATE accounts SET state = ?, version = ? WHERE id = ? AND version = ?';
const insertMember =
  'INSERT INTO members (id, account_id, name, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)';
// A NULL leaves the column as it is: one statement for a role change, a removal or a new token.
const updateMember = `UPDATE members SET role = coalesce(?, role),
  removed_at = coalesce(?, removed_at), token_hash = coalesce(?, token_hash)
  WHERE id = ? AND account_id = ?`;
const upsertUpgradeRequest = `INSERT INTO upgrade_requests (id, account_id, member_id, plan_id,
  note, status, at, decided_at, decided_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT(id) DO UPDATE SET status = excluded.status, decided_at = excluded.decided_at,
  decided_by = excluded.decided_by, reason = excluded.reason
  WHERE upgrade_requests.account_id = excluded.account_id`;
const insertEntry = `INSERT INTO entries (id, account_id, at, kind, member_id, operation, quantity,
  hold_id, plan_id, from_plan_id, terms, credits, overage_credits, amount_usd, available_after,
  description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const insertCharge = `INSERT INTO charges (id, account_id, at, kind, amount_usd, description, entry_id)
  VALUES (?, ?, ?, ?, ?, ?, ?)`;
const upsertHold = `INSERT INTO holds (id, account_id, status, hold) VALUES (?, ?, ?, ?)
  ON CONFLICT(id) DO UPDATE SET status = excluded.status, hold = excluded.hold
  WHERE holds.account_id = excluded.account_id`;
const insertAnswer = `INSERT INTO idempotency_keys (scope, key, request_hash, status, body, created_at)
  VALUES (?, ?, ?, ?, ?, ?)`;

/** The SQLite writes of one batch, in order; sqlite-write-worker.mjs runs them in one transaction. */
export function sqliteWrites(changes: Changes): Write[] {
  const writes: Write[] = [];
  for (const [id, account] of changes.accounts) {
    const state = JSON.stringify(account.state);
    const version = account.state.version;
    writes.push(
      account.before === null
        ? { sql: insertAccount, params: [id, account.name, state, version, account.createdAt] }
        : {
            sql: updateAccount,
            params: [state, version, id, account.before],
            expectOne: `Account ${id} changed under this transaction`,
          },
    );
  }
  for (const { member, tokenHash, createdAt } of changes.members) {
    writes.push({
      sql: insertMember,
      params: [member.id, member.accountId, member.name, member.role, tokenHash, createdAt],
    });
  }
  for (const update of changes.memberUpdates) {
    writes.push({
      sql: updateMember,
      params: [
        update.role ?? null,
        update.removedAt ?? null,
        update.tokenHash ?? null,
        update.memberId,
        update.accountId,
      ],
      expectOne: `Member ${update.memberId} is not in account ${update.accountId}`,
    });
  }
  for (const { accountId, request } of changes.upgradeRequests.values()) {
    writes.push({
      sql: upsertUpgradeRequest,
      params: [
        request.id,
        accountId,
        request.memberId,
        request.planId,
        request.note,
        request.status,
        request.at,
        request.decidedAt,
        request.decidedBy,
        request.reason,
      ],
    });
  }
  for (const entry of changes.entries) {
    writes.push({
      sql: insertEntry,
      params: [
        entry.id,
        entry.accountId,
        entry.at,
        entry.kind,
        entry.memberId,
        entry.operation ?? null,
        entry.quantity ?? null,
        entry.holdId ?? null,
        entry.planId ?? null,
        entry.fromPlanId ?? null,
        entry.terms ?? null,
        entry.credits,
        entry.overageCredits,
        entry.amountUsd,
        entry.availableAfter,
        entry.description,
      ],
    });
  }
  for (const charge of changes.charges) {
    writes.push({
      sql: insertCharge,
      params: [
        charge.id,
        charge.accountId,
        charge.at,
        charge.kind,
        charge.amountUsd,
        charge.description,
        charge.entryId ?? null,
      ],
    });
  }
  for (const { accountId, hold } of changes.holds.values()) {
    writes.push({
      sql: upsertHold,
      params: [hold.id, accountId, hold.status, JSON.stringify(hold)],
    });
  }
  for (const answer of changes.answers.values()) {
    writes.push({
      sql: insertAnswer,
      params: [
        answer.scope,
        answer.key,
        answer.requestHash,
        answer.status,
        answer.text,
        answer.createdAt,
      ],
    });
  }
  writes.push(...sqliteOutboxWrites(changes));
  return writes;
}
