import type { SummaryGrouping, UsageGroup } from '../../lib/api/schemas/team.ts';
import {
  Decimal,
  parseCredits,
  parseUsd,
  toCreditsString,
  toUsdString,
} from '../../lib/billing/decimal.ts';
import type { UsageRow } from './ledger.ts';

// docs/api.md's usage summary: the operations that used credits, grouped by day (UTC), operation,
// member, or day and operation, in exact decimals. Groups with no usage are left out.

interface Totals {
  key: Omit<UsageGroup, 'count' | 'credits' | 'overageCredits' | 'amountUsd'>;
  count: number;
  credits: Decimal;
  overageCredits: Decimal;
  amountUsd: Decimal;
}

function keyOf(row: UsageRow, by: SummaryGrouping): Totals['key'] {
  const day = row.at.slice(0, 10);
  switch (by) {
    case 'day':
      return { day };
    case 'operation':
      return { operation: row.operation };
    case 'member':
      return row.memberId === null ? {} : { memberId: row.memberId };
    case 'day,operation':
      return { day, operation: row.operation };
  }
}

/** The rows' totals per group, in the order of the groups' keys (days ascending). */
export function summarizeUsage(rows: UsageRow[], by: SummaryGrouping): UsageGroup[] {
  const groups = new Map<string, Totals>();
  for (const row of rows) {
    const key = keyOf(row, by);
    const id = JSON.stringify(key);
    let totals = groups.get(id);
    if (!totals) {
      totals = {
        key,
        count: 0,
        credits: new Decimal(0),
        overageCredits: new Decimal(0),
        amountUsd: new Decimal(0),
      };
      groups.set(id, totals);
    }
    totals.count += row.quantity;
    totals.credits = totals.credits.plus(parseCredits(row.credits));
    totals.overageCredits = totals.overageCredits.plus(parseCredits(row.overageCredits));
    totals.amountUsd = totals.amountUsd.plus(parseUsd(row.amountUsd));
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, totals]) => ({
      ...totals.key,
      count: totals.count,
      credits: toCreditsString(totals.credits),
      overageCredits: toCreditsString(totals.overageCredits),
      amountUsd: toUsdString(totals.amountUsd),
    }));
}
