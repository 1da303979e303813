import type { Sql } from 'postgres';
import type { Changes } from '../ledger/store.ts';
import { writeOutbox } from '../webhooks/postgres-outbox-writes.ts';
import { answeredInOrder } from './postgres-errors.ts';

/**
 * Sends one batch's changes in its transaction, all at once: the statements run in the order
 * they are sent, so new accounts go first (the other rows may reference them). Every statement
 * is on its way when this returns, so a COMMIT sent next follows them.
 *
 * Each table's rows go in one statement of a fixed text, whatever their number (`unnest` of one
 * array per column): the client prepares it once per connection. A statement whose text changed
 * with the row count would cost a round trip to be described for every new count, under the
 * account's lock.
 */
export function writeChanges(tx: Sql, changes: Changes): Promise<unknown> {
  const writes: Promise<unknown>[] = [];
  const accounts = [...changes.accounts];
  const inserted = accounts.filter(([, account]) => account.before === null);
  if (inserted.length > 0) {
    writes.push(
      tx`INSERT INTO accounts (id, name, state, version, created_at)
        SELECT * FROM unnest(
          ${inserted.map(([id]) => id)}::text[],
          ${inserted.map(([, account]) => account.name)}::text[],
          ${inserted.map(([, account]) => JSON.stringify(account.state))}::text[]::jsonb[],
          ${inserted.map(([, account]) => String(account.state.version))}::bigint[],
          ${inserted.map(([, account]) => account.createdAt)}::timestamptz[])`.execute(),
    );
  }
  const updated = accounts.filter(([, account]) => account.before !== null);
  if (updated.length > 0) {
    // Each row is locked since it was read at `before`; should a version have moved all the
    // same, the NULL breaks the column's NOT NULL and the whole transaction rolls back.
    writes.push(
      tx`UPDATE accounts SET state = changed.state,
           version = CASE WHEN accounts.version = changed.before THEN changed.version END
        FROM unnest(
          ${updated.map(([id]) => id)}::text[],
          ${updated.map(([, account]) => JSON.stringify(account.state))}::text[]::jsonb[],
          ${updated.map(([, account]) => String(account.state.version))}::bigint[],
          ${updated.map(([, account]) => String(account.before))}::bigint[]
        ) AS changed (id, state, version, before)
        WHERE accounts.id = changed.id`.execute(),
    );
  }
  if (changes.members.length > 0) {
    const rows = changes.members;
    writes.push(
      tx`INSERT INTO members (id, account_id, name, role, token_hash, created_at)
        SELECT * FROM unnest(
          ${rows.map(({ member }) => member.id)}::text[],
          ${rows.map(({ member }) => member.accountId)}::text[],
          ${rows.map(({ member }) => member.name)}::text[],
          ${rows.map(({ member }) => member.role)}::text[],
          ${rows.map(({ tokenHash }) => tokenHash)}::text[],
          ${rows.map(({ createdAt }) => createdAt)}::timestamptz[])`.execute(),
    );
  }
  for (const update of changes.memberUpdates) {
    // Members inserted above come first: a member added and changed in one batch exists by now.
    writes.push(
      tx`UPDATE members SET role = coalesce(${update.role ?? null}, role),
           removed_at = coalesce(${update.removedAt ?? null}::timestamptz, removed_at),
           token_hash = coalesce(${update.tokenHash ?? null}, token_hash)
         WHERE id = ${update.memberId} AND account_id = ${update.accountId}`.execute(),
    );
  }
  if (changes.upgradeRequests.size > 0) {
    writes.push(
      tx`INSERT INTO upgrade_requests ${tx(
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
      WHERE upgrade_requests.account_id = excluded.account_id`.execute(),
    );
  }
  if (changes.entries.length > 0) {
    const rows = changes.entries;
    writes.push(
      tx`INSERT INTO entries (id, account_id, at, kind, member_id, operation, quantity, hold_id,
          plan_id, from_plan_id, terms, credits, overage_credits, amount_usd, available_after,
          description)
        SELECT * FROM unnest(
          ${rows.map((entry) => entry.id)}::text[],
          ${rows.map((entry) => entry.accountId)}::text[],
          ${rows.map((entry) => entry.at)}::text[],
          ${rows.map((entry) => entry.kind)}::text[],
          ${rows.map((entry) => entry.memberId)}::text[],
          ${rows.map((entry) => entry.operation ?? null)}::text[],
          ${rows.map((entry) => (entry.quantity === undefined ? null : String(entry.quantity)))}::integer[],
          ${rows.map((entry) => entry.holdId ?? null)}::text[],
          ${rows.map((entry) => entry.planId ?? null)}::text[],
          ${rows.map((entry) => entry.fromPlanId ?? null)}::text[],
          ${rows.map((entry) => (entry.terms === undefined ? null : String(entry.terms)))}::integer[],
          ${rows.map((entry) => entry.credits)}::numeric[],
          ${rows.map((entry) => entry.overageCredits)}::numeric[],
          ${rows.map((entry) => entry.amountUsd)}::numeric[],
          ${rows.map((entry) => entry.availableAfter)}::numeric[],
          ${rows.map((entry) => entry.description)}::text[])`.execute(),
    );
  }
  if (changes.charges.length > 0) {
    const rows = changes.charges;
    writes.push(
      tx`INSERT INTO charges (id, account_id, at, kind, amount_usd, description, entry_id)
        SELECT * FROM unnest(
          ${rows.map((charge) => charge.id)}::text[],
          ${rows.map((charge) => charge.accountId)}::text[],
          ${rows.map((charge) => charge.at)}::text[],
          ${rows.map((charge) => charge.kind)}::text[],
          ${rows.map((charge) => charge.amountUsd)}::numeric[],
          ${rows.map((charge) => charge.description)}::text[],
          ${rows.map((charge) => charge.entryId ?? null)}::text[])`.execute(),
    );
  }
  if (changes.holds.size > 0) {
    const rows = [...changes.holds.values()];
    writes.push(
      tx`INSERT INTO holds (id, account_id, status, hold)
        SELECT * FROM unnest(
          ${rows.map(({ hold }) => hold.id)}::text[],
          ${rows.map(({ accountId }) => accountId)}::text[],
          ${rows.map(({ hold }) => hold.status)}::text[],
          ${rows.map(({ hold }) => JSON.stringify(hold))}::text[]::jsonb[])
        ON CONFLICT (id) DO UPDATE SET status = excluded.status, hold = excluded.hold
        WHERE holds.account_id = excluded.account_id`.execute(),
    );
  }
  if (changes.answers.size > 0) {
    const rows = [...changes.answers.values()];
    writes.push(
      tx`INSERT INTO idempotency_keys (scope, key, request_hash, status, body, created_at)
        SELECT * FROM unnest(
          ${rows.map((answer) => answer.scope)}::text[],
          ${rows.map((answer) => answer.key)}::text[],
          ${rows.map((answer) => answer.requestHash)}::text[],
          ${rows.map((answer) => String(answer.status))}::integer[],
          ${rows.map((answer) => answer.text)}::text[],
          ${rows.map((answer) => String(answer.createdAt))}::bigint[])`.execute(),
    );
  }
  writes.push(writeOutbox(tx, changes));
  return answeredInOrder(writes);
}
