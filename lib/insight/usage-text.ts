import { formatCredits, formatDay } from '../billing/format.ts';
import type { Operation } from '../billing/types.ts';
import { countOf, operationNames } from '../store/display-names.ts';
import type { ChartDay, OperationUse } from './chart-layout.ts';

// How the usage chart says a day in words: its accessible name, the readout and the table
// read the same numbers the same way.

/** "2026-12-03" → "Dec 3" */
export function dayLabel(day: string): string {
  return formatDay(`${day}T00:00:00.000Z`);
}

/** "40 Smart Crops" */
export function countText(use: OperationUse, operations: readonly Operation[]): string {
  return countOf(use.count, operationNames({ operations }, use.operation));
}

/** "40 Smart Crops, 52 credits" */
export function useText(use: OperationUse, operations: readonly Operation[]): string {
  return `${countText(use, operations)}, ${formatCredits(use.credits)}`;
}

/** "Dec 3: 85.6 credits (40 Smart Crops, 52 credits; 12 Background Removals, 33.6 credits)" */
export function dayText(day: ChartDay, operations: readonly Operation[]): string {
  const when = day.today ? `${dayLabel(day.day)}, today` : dayLabel(day.day);
  const uses = day.segments.map((use) => useText(use, operations)).join('; ');
  return `${when}: ${formatCredits(day.total)}${uses ? ` (${uses})` : ''}`;
}

/** The name an operation is shown by in the legend and the table's headers. */
export function operationName(id: string, operations: readonly Operation[]): string {
  return operationNames({ operations }, id).name;
}
