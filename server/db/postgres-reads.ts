import type { Sql } from 'postgres';
import type { Hold, Role } from '../../lib/billing/types.ts';
import type { Member, Range, UpgradeRequestFilter, UsageRow } from '../ledger/ledger.ts';
import {
  type UpgradeRequestRow,
  type UsageSourceRow,
  upgradeRequestFromRow,
  usageFromRow,
} from '../ledger/rows.ts';

// Reads of the ledger in PostgreSQL, on the pool or on a transaction's connection.

export async function findHold(sql: Sql, accountId: string, holdId: string) {
  const [row] = await sql<{ hold: Hold }[]>`
    SELECT hold FROM holds WHERE account_id = ${accountId} AND id = ${holdId}`.execute();
  return row?.hold ?? null;
}

export async function usageRows(
  sql: Sql,
  accountId: string,
  range: Range,
  memberId?: string,
): Promise<UsageRow[]> {
  const rows = await sql<UsageSourceRow[]>`
    SELECT e.at, e.member_id, e.operation, e.quantity, e.credits::text, h.credits::text AS held,
      e.overage_credits::text, e.amount_usd::text
    FROM entries e LEFT JOIN entries h
      ON h.account_id = e.account_id AND h.hold_id = e.hold_id AND h.kind = 'hold'
    WHERE e.account_id = ${accountId} AND e.kind IN ('usage', 'capture')
      AND e.at >= ${range.from} AND e.at < ${range.to}
      ${memberId === undefined ? sql`` : sql`AND e.member_id = ${memberId}`}
    ORDER BY e.seq`.execute();
  return rows.map(usageFromRow);
}

export async function members(sql: Sql, accountId: string): Promise<Member[]> {
  const rows = await sql<{ id: string; name: string; role: Role }[]>`
    SELECT id, name, role FROM members WHERE account_id = ${accountId} AND removed_at IS NULL
    ORDER BY created_at, id`;
  return rows.map((row) => ({ id: row.id, accountId, name: row.name, role: row.role }));
}

export async function upgradeRequests(sql: Sql, accountId: string, filter: UpgradeRequestFilter) {
  const rows = await sql<UpgradeRequestRow[]>`
    SELECT id, member_id, plan_id, note, status, at, decided_at, decided_by, reason
    FROM upgrade_requests WHERE account_id = ${accountId}
      ${filter.memberId === undefined ? sql`` : sql`AND member_id = ${filter.memberId}`}
      ${filter.status === undefined ? sql`` : sql`AND status = ${filter.status}`}
    ORDER BY at DESC, id`;
  return rows.map(upgradeRequestFromRow);
}
