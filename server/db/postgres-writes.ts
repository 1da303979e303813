import type postgres from 'postgres';
import type { Sql } from 'postgres';
import type { Changes } from '../ledger/store.ts';

/** A jsonb parameter (the client serialises it once; a string would be stored as a JSON string). */
function json(tx: Sql, value: unknown) {
  return tx.json(value as postgres.JSONValue);
}

/**
 * Sends one batch's changes in its transaction, all at once: the statements run in the order
 * they are sent, so new accounts go first (the other rows may reference them). Every statement
 * is on its way when this returns, so a COMMIT sent next follows them.
 */
export function writeChanges(tx: Sql, changes: Changes): Promise<unknown> {
  const writes: Promise<unknown>[] = [];
  const inserted = [...changes.accounts].filter(([, account]) => account.before === null);
  if (inserted.length > 0) {
    writes.push(
      tx`INSERT INTO accounts ${tx(
        inserted.map(([id, account]) => ({
          id,
          name: account.name,
          state: json(tx, account.state),
          version: account.state.version,
          created_at: account.createdAt,
        })),
      )}`.execute(),
    );
  }
  for (const [id, account] of changes.accounts) {
    if (account.before === null) continue;
    // The row is locked since it was read at `before`; should its version have moved all the
    // same, the NULL breaks the column's NOT NULL and the whole transaction rolls back.
    writes.push(
      tx`UPDATE accounts SET state = ${json(tx, account.state)},
           version = CASE WHEN version = ${account.before}::bigint THEN ${account.state.version}::bigint END
         WHERE id = ${id}`.execute(),
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
      )}`.execute(),
    );
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
      )}`.execute(),
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
      )}`.execute(),
    );
  }
  if (changes.holds.size > 0) {
    writes.push(
      tx`INSERT INTO holds ${tx(
        [...changes.holds.values()].map(({ accountId, hold }) => ({
          id: hold.id,
          account_id: accountId,
          status: hold.status,
          hold: json(tx, hold),
        })),
      )}
      ON CONFLICT (id) DO UPDATE SET status = excluded.status, hold = excluded.hold
      WHERE holds.account_id = excluded.account_id`.execute(),
    );
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
      )}`.execute(),
    );
  }
  return Promise.all(writes);
}
