import type postgres from 'postgres';
import type { TransactionSql } from 'postgres';
import type { Changes } from '../ledger/store.ts';
import { writeOutbox } from '../webhooks/postgres-outbox-writes.ts';

/** An account's version moved between the read under lock and the write: never expected. */
class VersionConflict extends Error {
  readonly code = '40001';
}

/** A jsonb parameter (the client serialises it once; a string would be stored as a JSON string). */
function json(tx: TransactionSql, value: unknown) {
  return tx.json(value as postgres.JSONValue);
}

/**
 * Writes one batch's changes in its transaction: new accounts first (the other rows may
 * reference them), then everything else at once, pipelined on the transaction's connection.
 */
export async function writeChanges(tx: TransactionSql, changes: Changes): Promise<void> {
  const inserted = [...changes.accounts].filter(([, account]) => account.before === null);
  if (inserted.length > 0) {
    // First, on their own: the rows below may reference these accounts.
    await tx`INSERT INTO accounts ${tx(
      inserted.map(([id, account]) => ({
        id,
        name: account.name,
        state: json(tx, account.state),
        version: account.state.version,
        created_at: account.createdAt,
      })),
    )}`;
  }
  // The rest go out together, pipelined on the transaction's connection.
  const writes: Promise<unknown>[] = [];
  for (const [id, account] of changes.accounts) {
    if (account.before === null) continue;
    writes.push(
      tx`UPDATE accounts SET state = ${json(tx, account.state)},
           version = ${account.state.version}
         WHERE id = ${id} AND version = ${account.before}`.then((result) => {
        if (result.count !== 1) throw new VersionConflict(`Account ${id} changed under a lock`);
      }),
    );
  }
  if (changes.members.length > 0) {
    writes.push(
      tx`INSERT INTO members ${tx(
        changes.members.map(({ member, tokenHash, createdAt }) => ({
          id: member.id,
          account_id: member.accountId,
          name: member.name,
          role: member.role,
          token_hash: tokenHash,
          created_at: createdAt,
        })),
      )}`,
    );
  }
  for (const update of changes.memberUpdates) {
    // Members inserted above come first: a member added and changed in one batch exists by now.
    writes.push(
      tx`UPDATE members SET role = coalesce(${update.role ?? null}, role),
           removed_at = coalesce(${update.removedAt ?? null}::timestamptz, removed_at),
           token_hash = coalesce(${update.tokenHash ?? null}, token_hash)
         WHERE id = ${update.memberId} AND account_id = ${update.accountId}`,
    );
  }
  if (changes.upgradeRequests.size > 0) {
    writes.push(tx`INSERT INTO upgrade_requests ${tx(
      [...changes.upgradeRequests.values()].map(({ accountId, request }) => ({
        id: request.id,
        account_id: accountId,
        member_id: request.memberId,
        plan_id: request.planId,
        note: request.note,
        status: request.status,
        at: request.at,
        decided_at: request.decidedAt,
        decided_by: request.decidedBy,
        reason: request.reason,
      })),
    )}
      ON CONFLICT (id) DO UPDATE SET status = excluded.status, decided_at = excluded.decided_at,
        decided_by = excluded.decided_by, reason = excluded.reason
      WHERE upgrade_requests.account_id = excluded.account_id`);
  }
  if (changes.entries.length > 0) {
    writes.push(
      tx`INSERT INTO entries ${tx(
        changes.entries.map((entry) => ({
          id: entry.id,
          account_id: entry.accountId,
          at: entry.at,
          kind: entry.kind,
          member_id: entry.memberId,
          operation: entry.operation ?? null,
          quantity: entry.quantity ?? null,
          hold_id: entry.holdId ?? null,
          credits: entry.credits,
          overage_credits: entry.overageCredits,
          amount_usd: entry.amountUsd,
          available_after: entry.availableAfter,
          description: entry.description,
        })),
      )}`,
    );
  }
  if (changes.charges.length > 0) {
    writes.push(
      tx`INSERT INTO charges ${tx(
        changes.charges.map((charge) => ({
          id: charge.id,
          account_id: charge.accountId,
          at: charge.at,
          kind: charge.kind,
          amount_usd: charge.amountUsd,
          description: charge.description,
          entry_id: charge.entryId ?? null,
        })),
      )}`,
    );
  }
  if (changes.holds.size > 0) {
    writes.push(tx`INSERT INTO holds ${tx(
      [...changes.holds.values()].map(({ accountId, hold }) => ({
        id: hold.id,
        account_id: accountId,
        status: hold.status,
        hold: json(tx, hold),
      })),
    )}
      ON CONFLICT (id) DO UPDATE SET status = excluded.status, hold = excluded.hold
      WHERE holds.account_id = excluded.account_id`);
  }
  if (changes.answers.size > 0) {
    writes.push(
      tx`INSERT INTO idempotency_keys ${tx(
        [...changes.answers.values()].map((answer) => ({
          scope: answer.scope,
          key: answer.key,
          request_hash: answer.requestHash,
          status: answer.status,
          body: json(tx, answer.body),
          created_at: answer.createdAt,
        })),
      )}`,
    );
  }
  writes.push(writeOutbox(tx, changes));
  await Promise.all(writes);
}
