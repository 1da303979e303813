import { parseCredits } from './decimal';
import { formatCredits, formatUsd } from './format';
import type { Credits, Usd } from './types';

/**
 * The overage part of a usage or capture line, for the ledger and the charges list: the
 * charge copies the entry's description, and "$0.21" next to "4.1 credits" reads like an error
 * unless the line says the dollars are for overage. Empty when nothing went to overage.
 */
export function overageNote(overageCredits: Credits, overageUsd: Usd): string {
  if (parseCredits(overageCredits).isZero()) return '';
  return `; ${formatCredits(overageCredits)} overage: ${formatUsd(overageUsd)}`;
}
