import type {
  AccountState,
  Applied,
  Command,
  Hold,
  Instant,
  PlanId,
  Role,
} from '../../lib/billing/types.ts';

// The ledger interface the routes talk to. SQLite implements it (sqlite-ledger.ts); a Postgres
// store can implement the same calls later without touching a route.

export interface Member {
  id: string;
  accountId: string;
  name: string;
  role: Role;
}

/** A ledger entry as stored: lib/billing's EntryDraft plus its id (API.md's Entry). */
export interface Entry {
  id: string;
  at: Instant;
  kind: string;
  memberId: string | null;
  operation?: string;
  quantity?: number;
  holdId?: string;
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

/** No such object in this account (or in any: the caller cannot tell, API.md). */
export class NotFoundError extends Error {}

/** A paging cursor that names no entry of this account. */
export class CursorError extends Error {}

/**
 * Writes (openAccount, addMember, apply) run only inside `atomically(fn)`: the function runs
 * synchronously in a write transaction and its promise settles once the commit is durable.
 */
export interface Ledger {
  /** Opens an account on a plan; its first term starts at `startAt` and is charged then. */
  openAccount(input: { name: string; planId: PlanId; startAt: Instant }): AccountState;
  addMember(
    accountId: string,
    input: { name: string; role: Role },
  ): { member: Member; token: string };
  findMemberByToken(token: string): Member | null;
  /** The account's members who may change plan and policy: whom a member asks. */
  admins(accountId: string): Member[];
  /** The account's state as of now: renewals and hold expiries that were due are applied (and persisted). */
  settled(accountId: string): Promise<AccountState>;
  /** The Snapshot (API.md) one member sees. */
  snapshot(state: AccountState, memberId: string): unknown;
  /** Runs one command through lib/billing in one write transaction. */
  apply(accountId: string, command: Command): Outcome;
  findHold(accountId: string, holdId: string): Hold | null;
  ledgerPage(accountId: string, page: PageRequest): Page<Entry>;
  chargesPage(accountId: string, page: PageRequest): Page<Charge>;
  /** Runs `fn` in a write transaction, all or nothing; settles after the commit is durable. Listeners hear of changes after it. */
  atomically<T>(fn: () => T): Promise<T>;
  /** Called after each commit that changed an account. */
  onChange(listener: (state: AccountState) => void): void;
  close(): void;
}
