import type { Snapshot } from '../api/schemas/snapshot.ts';
import type { OperationId, Plan, Quote } from '../billing/types.ts';
import type { Balance } from './balance.ts';

/** What a Snapshot means for the screen: the balance and how many of each operation it pays for. */
export interface SnapshotFacts {
  balance: Balance;
  /** floor(available / rate) per priced operation: 500 credits make 384 Smart Crops at 1.3. */
  remaining: Record<OperationId, number>;
}

/**
 * The billing math a credit model needs, in one place it can be swapped: `localMath` does it
 * here with lib/billing (popup, consent page, embed); the extension's content script asks the
 * worker instead (`createWorkerMath`), so the script beside every editor page carries no
 * decimal library. The synchronous methods answer null while an answer is being worked out
 * elsewhere; they read signals, so a computed value or a rendered component that called them
 * runs again when the answer arrives.
 */
export interface CreditMath {
  facts(snapshot: Snapshot): SnapshotFacts | null;
  quote(snapshot: Snapshot, operation: OperationId, quantity: number): Quote | null;
  /** The quote once it is known (a preflight waits for it); null when none can be made. */
  settledQuote(snapshot: Snapshot, operation: OperationId, quantity: number): Promise<Quote | null>;
  /** The plans dearer than the snapshot's, cheapest first; null while being worked out. */
  upgrades(snapshot: Snapshot, plans: readonly Plan[]): Plan[] | null;
}
