import type { Charge, Entry } from './ledger.ts';

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
  credits: string;
  overage_credits: string;
  amount_usd: string;
  available_after: string;
  description: string;
}

export interface ChargeRow {
  id: string;
  at: string;
  kind: 'subscription' | 'overage';
  amount_usd: string;
  description: string;
  entry_id: string | null;
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
