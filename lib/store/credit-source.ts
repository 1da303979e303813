// How a credit model reaches its data. The extension's source talks to the background
// worker (which alone holds the token); the embed's talks to the API with the host's token.
// Components never see a credit source, only the model built over it.
import type { Entry } from '../api/schemas/entry.ts';
import type { Snapshot } from '../api/schemas/snapshot.ts';
import type { UsageSummary } from '../api/schemas/team.ts';
import type {
  Catalog,
  Instant,
  OveragePolicy,
  PlanChangePreview,
  PlanId,
  Quote,
  Usd,
} from '../billing/types.ts';

/** 'outdated': billing answered in a form this client cannot read (a newer or broken server). */
export type SyncStatus =
  | 'loading'
  | 'fresh'
  | 'offline'
  | 'unauthorized'
  | 'unconfigured'
  | 'outdated';

/** What a credit source remembers between sessions: enough for a first paint without network. */
export interface Cached {
  snapshot: Snapshot;
  /** When the server last confirmed this snapshot. */
  syncedAt: Instant;
  catalog?: Catalog;
}

export type CreditUpdate =
  | { kind: 'snapshot'; snapshot: Snapshot; syncedAt: Instant }
  | {
      kind: 'status';
      status: Exclude<SyncStatus, 'fresh'>;
      /** The last successful sync the source knows of, if any. */
      syncedAt?: Instant | undefined;
      error?: string | undefined;
    };

/** The answer to a page's `tally:preflight` (docs/page-protocol.md, page protocol). */
export interface PreflightDecision {
  decision: 'proceed' | 'cancel';
  overage: boolean;
  quote: Quote;
}

/**
 * Every method rejects with an Error whose message a person can read; `code` carries the
 * API error code when there is one ('forbidden', 'unauthorized', …).
 */
export interface CreditSource {
  load(): Promise<Cached | null>;
  refresh(): Promise<void>;
  subscribe(listener: (update: CreditUpdate) => void): () => void;
  catalog(): Promise<Catalog>;
  previewPlanChange(planId: PlanId): Promise<PlanChangePreview>;
  changePlan(planId: PlanId): Promise<Snapshot>;
  setOveragePolicy(policy: OveragePolicy, capUsd: Usd | null): Promise<Snapshot>;
  ledger(limit?: number): Promise<Entry[]>;
  /** This term's usage by day and operation (a member's own, an admin's account); optional. */
  usageSummary?(): Promise<UsageSummary>;
  /** Told of every decision the user made, e.g. to refresh soon; optional. */
  recordDecision?(decision: PreflightDecision): Promise<void>;
}
