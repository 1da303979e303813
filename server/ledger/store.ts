import type { AccountState, Hold, Role } from '../../lib/billing/types.ts';
import type { OutboxChanges } from '../webhooks/outbox-changes.ts';
import type {
  Charge,
  Entry,
  Member,
  Page,
  PageRequest,
  Range,
  StoredAnswer,
  UpgradeRequest,
  UpgradeRequestFilter,
  UsageRow,
} from './ledger.ts';

// What a database must provide for the ledger (store-ledger.ts): reads, and one write
// transaction that reads under locks and then writes a batch of changes at once.

/** An account row as a batch leaves it: `before` is the version it was read at, null if new. */
export interface AccountWrite {
  name: string;
  state: AccountState;
  before: number | null;
  createdAt: string;
}

export interface MemberWrite {
  member: Member;
  tokenHash: string;
  createdAt: string;
}

/** A change of an existing member: its role, its removal, or a new token's hash. */
export interface MemberUpdate {
  accountId: string;
  memberId: string;
  role?: Role;
  removedAt?: string;
  tokenHash?: string;
}

export interface AnswerWrite extends StoredAnswer {
  scope: string;
  key: string;
  /** Epoch ms on the wall clock (keys are pruned by age, whatever the dev clock says). */
  createdAt: number;
}

/** Everything one transaction writes, in the order it happened. */
export interface Changes extends OutboxChanges {
  accounts: Map<string, AccountWrite>;
  members: MemberWrite[];
  memberUpdates: MemberUpdate[];
  /** Upgrade requests created or decided, as they now stand, by id. */
  upgradeRequests: Map<string, { accountId: string; request: UpgradeRequest }>;
  entries: (Entry & { accountId: string })[];
  charges: (Charge & { accountId: string })[];
  /** The last state of each hold created or resolved, by hold id. */
  holds: Map<string, { accountId: string; hold: Hold }>;
  answers: Map<string, AnswerWrite>;
}

/** Whether a webhook endpoint is registered (not deleted), and has a delivery of an event. */
export interface DeliveryLookup {
  endpoint: boolean;
  delivery: boolean;
}

/** Reads inside an open write transaction. */
export interface StoreBatch {
  /** The account's state, locked until the commit; null when there is no such account. */
  lockAccount(accountId: string): Promise<AccountState | null>;
  findHold(accountId: string, holdId: string): Promise<Hold | null>;
  findAnswer(scope: string, key: string): Promise<StoredAnswer | null>;
  /** The account's members who can sign in (the account is locked). */
  members(accountId: string): Promise<Member[]>;
  upgradeRequests(accountId: string, filter: UpgradeRequestFilter): Promise<UpgradeRequest[]>;
  /** The operations in `range` that used credits (Store.usageRows), read in this transaction. */
  usageRows(accountId: string, range: Range): Promise<UsageRow[]>;
  /** True while no account exists, decided under a lock two starting nodes share. */
  noAccounts(): Promise<boolean>;
  /** The endpoint and its delivery of the event, as committed (a retry checks and queues at once). */
  webhookDelivery(endpointId: string, eventId: string): Promise<DeliveryLookup>;
}

/** What another node committed: an account's new version, or a new member of it. */
export interface RemoteChange {
  accountId: string;
  version: number | null;
}

export interface Store {
  /**
   * True when batches are per account (PostgreSQL: each batch locks its account's row, and
   * batches of different accounts may commit in parallel or share a transaction); false for
   * one file with one writer (SQLite).
   */
  readonly batchesPerAccount: boolean;
  /**
   * One write transaction: `work` reads through the batch and returns what to write and what to
   * answer; both commit together. Transient failures (serialization, deadlock, a lost race on
   * a unique key) run `work` again from the start. `group` names the batch's group
   * (group-commit.ts): its account, when batches are per account.
   */
  write<T>(
    work: (batch: StoreBatch) => Promise<{ changes: Changes; result: T }>,
    group: string,
  ): Promise<T>;
  loadAccount(accountId: string): Promise<AccountState | null>;
  memberByTokenHash(tokenHash: string): Promise<Member | null>;
  /** The account's members who can sign in, oldest first (removed ones are left out). */
  members(accountId: string): Promise<Member[]>;
  upgradeRequests(accountId: string, filter: UpgradeRequestFilter): Promise<UpgradeRequest[]>;
  usageRows(accountId: string, range: Range, memberId?: string): Promise<UsageRow[]>;
  findHold(accountId: string, holdId: string): Promise<Hold | null>;
  entriesPage(accountId: string, page: PageRequest): Promise<Page<Entry>>;
  chargesPage(accountId: string, page: PageRequest): Promise<Page<Charge>>;
  pruneAnswers(before: number): Promise<number>;
  /**
   * Hears what other nodes commit; a store no other process writes to has none. After its
   * connection was lost it calls `reconnected`: whatever was committed meanwhile went unheard.
   */
  listen?(heard: (change: RemoteChange) => void, reconnected: () => void): Promise<void>;
  close(): Promise<void>;
}

export function emptyChanges(): Changes {
  return {
    accounts: new Map(),
    members: [],
    memberUpdates: [],
    upgradeRequests: new Map(),
    entries: [],
    charges: [],
    holds: new Map(),
    answers: new Map(),
    webhookEndpoints: [],
    webhookEvents: [],
    webhookRetries: [],
  };
}

export function answerKey(scope: string, key: string): string {
  return `${scope}\u0000${key}`;
}

/** Adds `later`'s changes to `into` (a job's changes to its batch's). */
export function mergeChanges(into: Changes, later: Changes): void {
  for (const [id, account] of later.accounts) {
    const earlier = into.accounts.get(id);
    into.accounts.set(id, earlier ? { ...account, before: earlier.before } : account);
  }
  into.members.push(...later.members);
  into.memberUpdates.push(...later.memberUpdates);
  for (const [id, request] of later.upgradeRequests) into.upgradeRequests.set(id, request);
  into.entries.push(...later.entries);
  into.charges.push(...later.charges);
  for (const [id, hold] of later.holds) into.holds.set(id, hold);
  for (const [key, answer] of later.answers) into.answers.set(key, answer);
  into.webhookEndpoints.push(...later.webhookEndpoints);
  into.webhookEvents.push(...later.webhookEvents);
  into.webhookRetries.push(...later.webhookRetries);
}

/** A page of rows fetched one past the limit: the extra row says there is a next page. */
export function paged<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
