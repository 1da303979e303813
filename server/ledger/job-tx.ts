import {
  apply as applyCommand,
  openAccount as openBillingAccount,
} from '../../lib/billing/index.ts';
import type {
  AccountState,
  Catalog,
  Command,
  Hold,
  Instant,
  PlanId,
  Role,
  Transition,
} from '../../lib/billing/types.ts';
import { hashToken, newId, newToken } from '../auth.ts';
import {
  type Entry,
  type LedgerTx,
  type Member,
  NotFoundError,
  type Outcome,
  operatorScope,
  type StoredAnswer,
} from './ledger.ts';
import { answerKey, type Changes, emptyChanges, type StoreBatch } from './store.ts';

/** What the jobs of one transaction share: the store's batch, the accounts it locked, the changes so far. */
export interface BatchContext {
  batch: StoreBatch;
  /**
   * Accounts as the store returns them under lock (before any job of the batch changed them),
   * null when there is no such account; asked once per batch, and read by every job.
   */
  locked: Map<string, Promise<AccountState | null>>;
  changes: Changes;
  catalog: Catalog;
  now(): Instant;
  wallClock(): number;
}

/**
 * One job's view of its transaction: reads see the batch's earlier jobs, writes are collected
 * in `changes` and reach the batch only if the job succeeds (a failed job leaves no trace).
 * The jobs of a batch start together, so their database reads go out pipelined; each waits for
 * its `turn` (the jobs before it have finished) before it looks at what the batch has done.
 * `storeFailure` records an error of the database itself, which fails the whole batch.
 */
export class JobTx implements LedgerTx {
  readonly changes = emptyChanges();
  storeFailure: unknown = null;

  constructor(
    private readonly context: BatchContext,
    private readonly turn: Promise<unknown>,
  ) {}

  async openAccount(input: { name: string; planId: PlanId; startAt: Instant }) {
    const id = newId('acct');
    const now = this.context.now();
    const opened = openBillingAccount({ id, ...input }, this.context.catalog, now);
    this.changes.accounts.set(id, {
      name: input.name,
      state: opened.state,
      before: null,
      createdAt: now,
    });
    this.record(opened);
    return opened.state;
  }

  async addMember(accountId: string, input: { name: string; role: Role }) {
    await this.state(accountId);
    const token = newToken();
    const member: Member = { id: newId('mem'), accountId, name: input.name, role: input.role };
    this.changes.members.push({
      member,
      tokenHash: hashToken(token),
      createdAt: this.context.now(),
    });
    return { member, token };
  }

  async apply(accountId: string, command: Command): Promise<Outcome> {
    const before = await this.state(accountId);
    const applied = applyCommand(before, command, this.context.now(), this.context.catalog);
    const entries = this.record(applied);
    if (applied.state.version !== before.version) {
      const known =
        this.changes.accounts.get(accountId) ?? this.context.changes.accounts.get(accountId);
      this.changes.accounts.set(accountId, {
        name: applied.state.name,
        state: applied.state,
        before: known ? known.before : before.version,
        createdAt: known?.createdAt ?? this.context.now(),
      });
    }
    return { applied, entries };
  }

  async findHold(accountId: string, holdId: string): Promise<Hold | null> {
    const stored = this.fromStore(() => this.context.batch.findHold(accountId, holdId));
    await this.turn;
    const written = this.changes.holds.get(holdId) ?? this.context.changes.holds.get(holdId);
    if (written) return written.accountId === accountId ? written.hold : null;
    return stored;
  }

  async storedAnswer(scope: string, key: string): Promise<StoredAnswer | null> {
    // Asked once the account's lock is (sent behind it on the connection, the read runs under
    // it): no other node can be writing this key meanwhile.
    if (scope !== operatorScope && !this.context.locked.has(scope)) await this.state(scope);
    const stored = this.fromStore(() => this.context.batch.findAnswer(scope, key));
    await this.turn;
    const id = answerKey(scope, key);
    const written = this.changes.answers.get(id) ?? this.context.changes.answers.get(id);
    if (written) return written;
    return stored;
  }

  storeAnswer(scope: string, key: string, answer: StoredAnswer): void {
    this.changes.answers.set(answerKey(scope, key), {
      scope,
      key,
      ...answer,
      createdAt: this.context.wallClock(),
    });
  }

  async noAccounts(): Promise<boolean> {
    await this.turn;
    if (this.changes.accounts.size > 0 || this.context.changes.accounts.size > 0) return false;
    return this.fromStore(() => this.context.batch.noAccounts());
  }

  /** The account's state as this job sees it: after the batch's earlier jobs, under the account's lock. */
  private async state(accountId: string): Promise<AccountState> {
    await this.turn;
    const written =
      this.changes.accounts.get(accountId) ?? this.context.changes.accounts.get(accountId);
    if (written) return written.state;
    let locking = this.context.locked.get(accountId);
    if (!locking) {
      locking = this.fromStore(() => this.context.batch.lockAccount(accountId));
      this.context.locked.set(accountId, locking);
    }
    const state = await locking;
    if (!state) throw new NotFoundError(`No account ${accountId}`);
    return state;
  }

  private fromStore<T>(read: () => Promise<T>): Promise<T> {
    const reading = read();
    reading.catch((error: unknown) => {
      this.storeFailure = error;
    });
    return reading;
  }

  /** Collects the transition's entries, charges and holds; returns the entries with their ids. */
  private record(transition: Transition): Entry[] {
    const accountId = transition.state.id;
    const entries: Entry[] = transition.entries.map((draft) => ({ id: newId('ent'), ...draft }));
    for (const entry of entries) this.changes.entries.push({ ...entry, accountId });
    for (const charge of transition.charges) {
      const entryId = entries[charge.entryIndex]?.id;
      this.changes.charges.push({
        id: newId('chg'),
        accountId,
        at: charge.at,
        kind: charge.kind,
        amountUsd: charge.amountUsd,
        description: charge.description,
        ...(entryId === undefined ? {} : { entryId }),
      });
    }
    for (const hold of transition.holds) this.changes.holds.set(hold.id, { accountId, hold });
    return entries;
  }
}
