import type { Operation } from '../billing/types.ts';
import type { Messages } from '../i18n/messages.ts';
import { countOf, operationNames } from '../store/display-names.ts';
import type { ChartDay, OperationUse } from './chart-layout.ts';

// How the usage chart says a day in words: its accessible name, the readout and the table
// read the same numbers the same way.

/** "2026-12-03" → "Dec 3" */
export function dayLabel(day: string, m: Messages): string {
  return m.formats.day(`${day}T00:00:00.000Z`);
}

/** "40 Smart Crops" */
export function countText(
  use: OperationUse,
  operations: readonly Operation[],
  m: Messages,
): string {
  return countOf(use.count, operationNames({ operations }, use.operation), m);
}

/** "40 Smart Crops, 52 credits" */
export function useText(use: OperationUse, operations: readonly Operation[], m: Messages): string {
  return m.t('useText', {
    count: countText(use, operations, m),
    credits: m.tn('credits', use.credits),
  });
}

/** "Dec 3: 85.6 credits (40 Smart Crops, 52 credits; 12 Background Removals, 33.6 credits)" */
export function dayText(day: ChartDay, operations: readonly Operation[], m: Messages): string {
  const label = dayLabel(day.day, m);
  const when = day.today ? m.t('dayToday', { day: label }) : label;
  const credits = m.tn('credits', day.total);
  if (day.segments.length === 0) return m.t('dayText', { when, credits });
  const uses = day.segments.map((use) => useText(use, operations, m)).join(m.t('usesSeparator'));
  return m.t('dayTextWithUses', { when, credits, uses });
}

/** The name an operation is shown by in the legend and the table's headers. */
export function operationName(id: string, operations: readonly Operation[]): string {
  return operationNames({ operations }, id).name;
}
