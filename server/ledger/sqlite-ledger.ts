import {
  apply as applyCommand,
  describeAccount,
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
import type { Clock } from '../clock.ts';
import type { Db } from '../db/open.ts';
import { GroupCommit } from './group-commit.ts';
import {
  type Charge,
  CursorError,
  type Entry,
  type Ledger,
  type Member,
  NotFoundError,
  type Outcome,
  type Page,
  type PageRequest,
} from './ledger.ts';
import { type ChargeRow, chargeFromRow, type EntryRow, entryFromRow } from './rows.ts';

/**
 * The ledger on one SQLite file. Every change runs inside a `BEGIN IMMEDIATE` transaction (in
 * its own savepoint, see group-commit.ts): load the account's state, let lib/billing apply the
 * command at the clock's now, persist the new state, entries, charges and holds, and bump the
 * version. No billing rule lives here.
 */
export class SqliteLedger implements Ledger {
  private readonly statements;
  private readonly membersByHash = new Map<string, Member>();
  private readonly adminsByAccount = new Map<string, Member[]>();
  private readonly listeners: ((state: AccountState) => void)[] = [];
  private pending = new Map<string, AccountState>();
  private beforeJob = new Map<string, AccountState>();
  private readonly group: GroupCommit;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly catalog: Catalog,
  ) {
    this.group = new GroupCommit(db, {
      beforeJob: () => {
        this.beforeJob = new Map(this.pending);
      },
      jobFailed: () => {
        this.pending = this.beforeJob;
      },
      committed: () => this.publish(),
      rolledBack: () => {
        this.pending = new Map();
      },
    });
    this.statements = {
      loadState: db.prepare<[string], { state: string }>('SELECT state FROM accounts WHERE id = ?'),
      insertAccount: db.prepare(
        'INSERT INTO accounts (id, name, state, version, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      updateAccount: db.prepare('UPDATE accounts SET state = ?, version = ? WHERE id = ?'),
      insertMember: db.prepare(
        'INSERT INTO members (id, account_id, name, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      memberByHash: db.prepare<
        [string],
        { id: string; account_id: string; name: string; role: Role }
      >('SELECT id, account_id, name, role FROM members WHERE token_hash = ?'),
      admins: db.prepare<[string], { id: string; name: string }>(
        "SELECT id, name FROM members WHERE account_id = ? AND role = 'admin' ORDER BY created_at, id",
      ),
      memberById: db.prepare<[string, string], { id: string; name: string; role: Role }>(
        'SELECT id, name, role FROM members WHERE account_id = ? AND id = ?',
      ),
      insertEntry: db.prepare(
        `INSERT INTO entries (id, account_id, at, kind, member_id, operation, quantity, hold_id,
           credits, overage_credits, amount_usd, available_after, description)
         VALUES (@id, @accountId, @at, @kind, @memberId, @operation, @quantity, @holdId,
           @credits, @overageCredits, @amountUsd, @availableAfter, @description)`,
      ),
      insertCharge: db.prepare(
        `INSERT INTO charges (id, account_id, at, kind, amount_usd, description, entry_id)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      upsertHold: db.prepare(
        `INSERT INTO holds (id, account_id, status, hold) VALUES (?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET status = excluded.status, hold = excluded.hold
         WHERE holds.account_id = excluded.account_id`,
      ),
      findHold: db.prepare<[string, string], { hold: string }>(
        'SELECT hold FROM holds WHERE account_id = ? AND id = ?',
      ),
      entrySeq: db.prepare<[string, string], { seq: number }>(
        'SELECT seq FROM entries WHERE account_id = ? AND id = ?',
      ),
      entriesPage: db.prepare<[string, number, number], EntryRow>(
        'SELECT * FROM entries WHERE account_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
      ),
      chargeSeq: db.prepare<[string, string], { seq: number }>(
        'SELECT seq FROM charges WHERE account_id = ? AND id = ?',
      ),
      chargesPage: db.prepare<[string, number, number], ChargeRow>(
        'SELECT * FROM charges WHERE account_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
      ),
    };
  }

  private now(): Instant {
    return this.clock.now().toISOString();
  }

  openAccount(input: { name: string; planId: PlanId; startAt: Instant }): AccountState {
    return this.inTransaction(() => {
      const id = newId('acct');
      const opened = openBillingAccount(
        { id, name: input.name, planId: input.planId, startAt: input.startAt },
        this.catalog,
        this.now(),
      );
      this.statements.insertAccount.run(
        id,
        input.name,
        JSON.stringify(opened.state),
        opened.state.version,
        this.now(),
      );
      this.persistTransition(opened);
      this.pending.set(id, opened.state);
      return opened.state;
    });
  }

  addMember(accountId: string, input: { name: string; role: Role }) {
    return this.inTransaction(() => {
      this.load(accountId);
      const token = newToken();
      const member: Member = { id: newId('mem'), accountId, name: input.name, role: input.role };
      this.statements.insertMember.run(
        member.id,
        accountId,
        member.name,
        member.role,
        hashToken(token),
        this.now(),
      );
      this.adminsByAccount.delete(accountId);
      return { member, token };
    });
  }

  findMemberByToken(token: string): Member | null {
    const hash = hashToken(token);
    const cached = this.membersByHash.get(hash);
    if (cached) return cached;
    const row = this.statements.memberByHash.get(hash);
    if (!row) return null;
    // Members are never removed or changed, so a found one can be kept in memory.
    const member: Member = {
      id: row.id,
      accountId: row.account_id,
      name: row.name,
      role: row.role,
    };
    this.membersByHash.set(hash, member);
    return member;
  }

  admins(accountId: string): Member[] {
    let admins = this.adminsByAccount.get(accountId);
    if (!admins) {
      admins = this.statements.admins
        .all(accountId)
        .map((row) => ({ id: row.id, accountId, name: row.name, role: 'admin' as const }));
      this.adminsByAccount.set(accountId, admins);
    }
    return admins;
  }

  async settled(accountId: string): Promise<AccountState> {
    const state = this.load(accountId);
    const probe = applyCommand(state, { kind: 'settle' }, this.now(), this.catalog);
    // Nothing was due: answer from the read, no write transaction.
    if (probe.state.version === state.version) return state;
    return this.atomically(() => this.apply(accountId, { kind: 'settle' }).applied.state);
  }

  snapshot(state: AccountState, memberId: string) {
    const member = this.statements.memberById.get(state.id, memberId);
    if (!member) throw new NotFoundError(`No member ${memberId} in this account`);
    return {
      version: state.version,
      asOf: this.now(),
      account: {
        id: state.id,
        name: state.name,
        admins: this.admins(state.id).map(({ id, name }) => ({ id, name })),
      },
      member: { id: member.id, name: member.name, role: member.role },
      ...describeAccount(state, this.catalog),
    };
  }

  apply(accountId: string, command: Command): Outcome {
    return this.inTransaction(() => {
      const before = this.load(accountId);
      const applied = applyCommand(before, command, this.now(), this.catalog);
      const entries = this.persistTransition(applied);
      if (applied.state.version !== before.version) {
        this.statements.updateAccount.run(
          JSON.stringify(applied.state),
          applied.state.version,
          accountId,
        );
        this.pending.set(accountId, applied.state);
      }
      return { applied, entries };
    });
  }

  findHold(accountId: string, holdId: string): Hold | null {
    const row = this.statements.findHold.get(accountId, holdId);
    return row ? (JSON.parse(row.hold) as Hold) : null;
  }

  ledgerPage(accountId: string, page: PageRequest): Page<Entry> {
    const from = this.cursor(page.before, (id) => this.statements.entrySeq.get(accountId, id));
    const rows = this.statements.entriesPage.all(accountId, from, page.limit + 1);
    return paged(rows.map(entryFromRow), page.limit);
  }

  chargesPage(accountId: string, page: PageRequest): Page<Charge> {
    const from = this.cursor(page.before, (id) => this.statements.chargeSeq.get(accountId, id));
    const rows = this.statements.chargesPage.all(accountId, from, page.limit + 1);
    return paged(rows.map(chargeFromRow), page.limit);
  }

  atomically<T>(fn: () => T): Promise<T> {
    return this.group.run(fn);
  }

  onChange(listener: (state: AccountState) => void): void {
    this.listeners.push(listener);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Writes happen only inside `atomically`, where a job's savepoint makes them all-or-nothing. */
  private inTransaction<T>(fn: () => T): T {
    if (!this.db.inTransaction)
      throw new Error('Ledger writes must run inside ledger.atomically()');
    return fn();
  }

  private publish(): void {
    const changed = [...this.pending.values()];
    this.pending = new Map();
    for (const state of changed) for (const listener of this.listeners) listener(state);
  }

  private load(accountId: string): AccountState {
    const row = this.statements.loadState.get(accountId);
    if (!row) throw new NotFoundError(`No account ${accountId}`);
    return JSON.parse(row.state) as AccountState;
  }

  /** Appends the transition's entries, charges and holds; returns the entries with their ids. */
  private persistTransition(transition: Transition): Entry[] {
    const accountId = transition.state.id;
    const entries: Entry[] = transition.entries.map((draft) => ({ id: newId('ent'), ...draft }));
    for (const entry of entries) {
      this.statements.insertEntry.run({
        ...entry,
        accountId,
        operation: entry.operation ?? null,
        quantity: entry.quantity ?? null,
        holdId: entry.holdId ?? null,
      });
    }
    for (const charge of transition.charges) {
      this.statements.insertCharge.run(
        newId('chg'),
        accountId,
        charge.at,
        charge.kind,
        charge.amountUsd,
        charge.description,
        entries[charge.entryIndex]?.id ?? null,
      );
    }
    for (const hold of transition.holds) {
      this.statements.upsertHold.run(hold.id, accountId, hold.status, JSON.stringify(hold));
    }
    return entries;
  }

  private cursor(before: string | undefined, find: (id: string) => { seq: number } | undefined) {
    if (before === undefined) return Number.MAX_SAFE_INTEGER;
    const row = find(before);
    if (!row) throw new CursorError(`"before" names nothing of this account: ${before}`);
    return row.seq;
  }
}

function paged<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
