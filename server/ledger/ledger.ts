import type { WebhookEventType } from '../../lib/api/schemas/webhooks.ts';
import type {
  AccountState,
  Applied,
  Command,
  Hold,
  Instant,
  PlanId,
  Role,
} from '../../lib/billing/types.ts';
import type { EndpointWrite } from '../webhooks/outbox-changes.ts';

// The ledger interface the routes talk to. One implementation (store-ledger.ts) runs lib/billing
// over any store: SQLite (server/db/sqlite-store.ts) or PostgreSQL (server/db/postgres-store.ts).

export interface Member {
  id: string;
  accountId: string;
  name: string;
  role: Role;
}

export type UpgradeRequestStatus = 'open' | 'approved' | 'declined' | 'replaced';

/** A member's request that an admin change the plan (docs/api.md, upgrade requests). */
export interface UpgradeRequest {
  id: string;
  memberId: string;
  planId: PlanId;
  note: string | null;
  status: UpgradeRequestStatus;
  at: Instant;
  decidedAt: Instant | null;
  /** The admin who approved or declined it. */
  decidedBy: string | null;
  /** Why it was declined, when the admin said. */
  reason: string | null;
}

export interface UpgradeRequestFilter {
  memberId?: string | undefined;
  status?: UpgradeRequestStatus | undefined;
}

/**
 * One operation that used credits (a usage entry, or a capture with its hold's credits):
 * `credits` are the plan credits it used, `overageCredits` and `amountUsd` its overage.
 */
export interface UsageRow {
  at: Instant;
  memberId: string | null;
  operation: string;
  quantity: number;
  credits: string;
  overageCredits: string;
  amountUsd: string;
}

/** The instants `[from, to)` a usage query covers. */
export interface Range {
  from: Instant;
  to: Instant;
}

/** A ledger entry as stored: lib/billing's EntryDraft plus its id (docs/api.md's Entry). */
export interface Entry {
  id: string;
  at: Instant;
  kind: string;
  memberId: string | null;
  operation?: string;
  quantity?: number;
  holdId?: string;
  planId?: string;
  fromPlanId?: string;
  terms?: number;
  credits: string;
  overageCredits: string;
  amountUsd: string;
  availableAfter: string;
  description: string;
}

export interface Charge {
  id: string;
  at: Instant;
  kind: 'subscription' | 'overage';
  amountUsd: string;
  description: string;
  entryId?: string;
}

/** What one command did once persisted: lib/billing's result plus the stored entries' ids. */
export interface Outcome {
  applied: Applied;
  /** The transition's entries with their ids, in the transition's order. */
  entries: Entry[];
}

export interface PageRequest {
  limit: number;
  before?: string | undefined;
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

/** The first answer to an idempotent request, kept under its key (docs/api.md). */
export interface StoredAnswer {
  requestHash: string;
  status: number;
  body: unknown;
  /** `body` as the JSON text that was sent: stored, and replayed, as it is. */
  text: string;
}

/** No such object in this account (or in any: the caller cannot tell, docs/api.md). */
export class NotFoundError extends Error {}

/** A paging cursor that names no entry of this account. */
export class CursorError extends Error {}

/** The idempotency scope of the operator's requests, apart from every account's. */
export const operatorScope = 'operator';

/**
 * One write transaction, as a unit of work handed to `Ledger.atomically`: whatever its function
 * does is committed together (with other work grouped into the same commit) or not at all.
 */
export interface LedgerTx {
  /** Opens an account on a plan; its first term starts at `startAt` and is charged then. */
  openAccount(input: { name: string; planId: PlanId; startAt: Instant }): Promise<AccountState>;
  addMember(
    accountId: string,
    input: { name: string; role: Role },
  ): Promise<{ member: Member; token: string }>;
  /** The account's members who can sign in, oldest first, as this transaction sees them. */
  members(accountId: string): Promise<Member[]>;
  /** Changes a member's role, removes it (its tokens stop working), or gives it a new token. */
  updateMember(
    accountId: string,
    memberId: string,
    change: { role: Role } | { removed: true } | { newToken: true },
  ): Promise<{ token: string | null }>;
  upgradeRequests(accountId: string, filter: UpgradeRequestFilter): Promise<UpgradeRequest[]>;
  /** `committed`, the account's open requests, as this transaction (and its batch) leaves them. */
  openRequestsAfter(accountId: string, committed: UpgradeRequest[]): UpgradeRequest[];
  /** The operations in `range` that used credits, read on this transaction's connection. */
  usageRows(accountId: string, range: Range): Promise<UsageRow[]>;
  /** Writes an upgrade request as it now stands (new, or decided). */
  saveUpgradeRequest(accountId: string, request: UpgradeRequest): void;
  /**
   * Moves the account's version on without a billing change, so its streams hear of a change
   * of its team (members, roles, upgrade requests) in a new Snapshot.
   */
  touch(accountId: string): Promise<void>;
  /** Runs one command through lib/billing on the account's current state. */
  apply(accountId: string, command: Command): Promise<Outcome>;
  findHold(accountId: string, holdId: string): Promise<Hold | null>;
  /**
   * The answer kept under (scope, key). An account's answers are read under that account's
   * lock, so no other request (on any node) can record the same key while this one decides.
   */
  storedAnswer(scope: string, key: string): Promise<StoredAnswer | null>;
  /** Keeps an answer under (scope, key), in this transaction. */
  storeAnswer(scope: string, key: string, answer: StoredAnswer): void;
  /** True while no account exists: a first start seeds the demo (once, however many nodes start). */
  noAccounts(): Promise<boolean>;
  /** Registers a webhook endpoint (docs/api.md "Webhooks"); its secret is in the answer only. */
  addWebhookEndpoint(input: { url: string; events: WebhookEventType[] }): EndpointWrite;
  /**
   * Makes the delivery of an event to an endpoint due now; says which is missing instead when
   * the endpoint is not registered (or was deleted) or never had the event.
   */
  retryWebhookDelivery(
    endpointId: string,
    eventId: string,
  ): Promise<'queued' | 'no_endpoint' | 'no_delivery'>;
}

export interface Ledger {
  /** The member whose token has this hash (auth.ts `hashToken`), if it may sign in. */
  findMemberByTokenHash(hash: string): Promise<Member | null>;
  /** The account's state as of now: renewals and hold expiries that were due are applied (and persisted). */
  settled(accountId: string): Promise<AccountState>;
  /**
   * The Snapshot (docs/api.md) one member sees; the member has been found by token on this node.
   * Async: the insight's pace may read a slice of the ledger (pace-slices.ts), through `tx`
   * when it is rendered in a transaction (never waiting for a second connection there).
   */
  snapshot(state: AccountState, memberId: string, tx?: LedgerTx): Promise<unknown>;
  findHold(accountId: string, holdId: string): Promise<Hold | null>;
  ledgerPage(accountId: string, page: PageRequest): Promise<Page<Entry>>;
  chargesPage(accountId: string, page: PageRequest): Promise<Page<Charge>>;
  /** The account's members who can sign in, oldest first. */
  members(accountId: string): Promise<Member[]>;
  upgradeRequests(accountId: string, filter: UpgradeRequestFilter): Promise<UpgradeRequest[]>;
  /** The operations in `range` that used credits, of one member or of the whole account. */
  usageRows(accountId: string, range: Range, memberId?: string): Promise<UsageRow[]>;
  /**
   * Runs `work` in a write transaction, all or nothing, and settles after the commit is
   * durable. `scope` is the account the work changes (or `operatorScope`): work of one scope
   * arriving together shares one transaction. Listeners hear of the changes after the commit.
   */
  atomically<T>(scope: string, work: (tx: LedgerTx) => Promise<T>): Promise<T>;
  /**
   * Called after each commit that changed an account, on this node or (PostgreSQL) another.
   * `watches` names the accounts whose changes through other nodes the listener wants (each is
   * re-read from the database); without it, all.
   */
  onChange(listener: (state: AccountState) => void, watches?: (accountId: string) => boolean): void;
  /** Called after each commit of this node that gave the webhook sender work (events, retries). */
  onOutboxWork(listener: () => void): void;
  /** Called when a member was removed or its token replaced (here or, PostgreSQL, on another node). */
  onMemberRevoked(listener: (accountId: string, memberId: string) => void): void;
  /** Called after a commit that created or decided an upgrade request on this node. */
  onUpgradeRequest(
    listener: (accountId: string, request: UpgradeRequest, adminIds: string[]) => void,
  ): void;
  /** Forgets idempotency answers recorded before `before` (epoch ms); returns how many. */
  pruneAnswers(before: number): Promise<number>;
  close(): Promise<void>;
}
