import {
  accountInsight,
  apply as applyCommand,
  DEFAULT_ALERT_THRESHOLDS,
  describeAccount,
  firedThisTerm,
  paceWindow,
} from '../../lib/billing/index.ts';
import type { AccountState, Catalog, Hold } from '../../lib/billing/types.ts';
import type { Clock } from '../clock.ts';
import { hasOutboxWork } from '../webhooks/outbox-changes.ts';
import { GroupCommit } from './group-commit.ts';
import {
  type Charge,
  type Entry,
  type Ledger,
  type LedgerTx,
  type Member,
  NotFoundError,
  type Page,
  type PageRequest,
  type Range,
  type UpgradeRequest,
  type UpgradeRequestFilter,
  type UsageRow,
} from './ledger.ts';
import { PaceSlices } from './pace-slices.ts';
import type { Changes, RemoteChange, Store } from './store.ts';
import { withUpdate } from './team-changes.ts';

type RevokedListener = (accountId: string, memberId: string) => void;
type UpgradeRequestListener = (
  accountId: string,
  request: UpgradeRequest,
  adminIds: string[],
) => void;

/**
 * The ledger over any store: every change loads the account under its lock, lets lib/billing
 * apply the command at the clock's now, and writes the new state with its entries, charges,
 * holds and idempotency answer in one transaction (see group-commit.ts). No billing rule lives
 * here. Members and open upgrade requests are kept in memory once found, so a Snapshot renders
 * without a query; a team change (here, or announced by another node) updates them and forgets
 * the tokens this node trusted for that account, so a removed or rotated token fails at once.
 */
export class StoreLedger implements Ledger {
  private readonly membersByHash = new Map<string, Member>();
  /** Each account's members, oldest first, for the accounts whose members this node has met. */
  private readonly directory = new Map<string, Member[]>();
  /** The open upgrade requests of the accounts in `directory`. */
  private readonly openRequests = new Map<string, UpgradeRequest[]>();
  private readonly listeners: {
    listener: (state: AccountState) => void;
    watches: (accountId: string) => boolean;
  }[] = [];
  private readonly outboxListeners: (() => void)[] = [];
  private readonly revokedListeners: RevokedListener[] = [];
  private readonly upgradeRequestListeners: UpgradeRequestListener[] = [];
  /** Accounts being re-read after another node's change; true when a newer notice came meanwhile. */
  private readonly refreshing = new Map<string, boolean>();
  private readonly group: GroupCommit;
  private readonly paceSlices = new PaceSlices();

  private constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly catalog: Catalog,
    wallClock: () => number,
  ) {
    this.group = new GroupCommit(store, {
      catalog,
      now: () => this.now(),
      wallClock,
      committed: (changes) => this.committed(changes),
    });
  }

  /** A ledger over `store`, hearing other nodes' changes when the store has any. */
  static async open(
    store: Store,
    clock: Clock,
    catalog: Catalog,
    wallClock: () => number = Date.now,
  ): Promise<StoreLedger> {
    const ledger = new StoreLedger(store, clock, catalog, wallClock);
    await store.listen?.(
      (change) => ledger.remoteChange(change),
      () => ledger.missedChanges(),
    );
    return ledger;
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  async findMemberByTokenHash(hash: string): Promise<Member | null> {
    const cached = this.membersByHash.get(hash);
    if (cached) return cached;
    const member = await this.store.memberByTokenHash(hash);
    if (!member) return null;
    if (!this.directory.get(member.accountId)?.some(({ id }) => id === member.id)) {
      await this.loadDirectory(member.accountId);
    }
    this.membersByHash.set(hash, member);
    return member;
  }

  async settled(accountId: string): Promise<AccountState> {
    const state = await this.store.loadAccount(accountId);
    if (!state) throw new NotFoundError(`No account ${accountId}`);
    const probe = applyCommand(state, { kind: 'settle' }, this.now(), this.catalog);
    // Nothing was due: answer from the read, no write transaction.
    if (probe.state.version === state.version) return state;
    // Applied under the account's lock: a node that settled it first leaves nothing due here.
    return this.atomically(
      accountId,
      async (tx) => (await tx.apply(accountId, { kind: 'settle' })).applied.state,
    );
  }

  async snapshot(state: AccountState, memberId: string, tx?: LedgerTx) {
    const members = this.directory.get(state.id) ?? [];
    const member = members.find(({ id }) => id === memberId);
    if (!member) throw new NotFoundError(`No member ${memberId} in this account`);
    const asOf = this.now();
    const described = describeAccount(state, this.catalog);
    const { slice } = paceWindow(described.cycle.start, asOf);
    const read = tx
      ? (range: Range) => tx.usageRows(state.id, range)
      : (range: Range) => this.store.usageRows(state.id, range);
    const sliceUsed = slice ? await this.paceSlices.used(state.id, slice, read) : '0';
    return {
      version: state.version,
      asOf,
      account: {
        id: state.id,
        name: state.name,
        admins: members
          .filter(({ role }) => role === 'admin')
          .map(({ id, name }) => ({ id, name })),
      },
      member: { id: member.id, name: member.name, role: member.role },
      ...described,
      upgradeRequests: { open: this.openRequestsSeenBy(member, tx).length },
      insight: accountInsight(state, described, this.catalog, asOf, sliceUsed),
      alerts: {
        thresholds: state.alertThresholds ?? DEFAULT_ALERT_THRESHOLDS,
        fired: firedThisTerm(state).map(({ threshold, at }) => ({ threshold, at })),
      },
    };
  }

  /**
   * Admins see every open request of the account; a member only its own. In a transaction, as
   * it leaves them (a plan change's answer counts the requests it approved as decided).
   */
  private openRequestsSeenBy(member: Member, tx?: LedgerTx): UpgradeRequest[] {
    const committed = this.openRequests.get(member.accountId) ?? [];
    const open = tx ? tx.openRequestsAfter(member.accountId, committed) : committed;
    return member.role === 'admin' ? open : open.filter(({ memberId }) => memberId === member.id);
  }

  findHold(accountId: string, holdId: string): Promise<Hold | null> {
    return this.store.findHold(accountId, holdId);
  }

  ledgerPage(accountId: string, page: PageRequest): Promise<Page<Entry>> {
    return this.store.entriesPage(accountId, page);
  }

  chargesPage(accountId: string, page: PageRequest): Promise<Page<Charge>> {
    return this.store.chargesPage(accountId, page);
  }

  members(accountId: string): Promise<Member[]> {
    return this.store.members(accountId);
  }

  upgradeRequests(accountId: string, filter: UpgradeRequestFilter): Promise<UpgradeRequest[]> {
    return this.store.upgradeRequests(accountId, filter);
  }

  usageRows(accountId: string, range: Range, memberId?: string): Promise<UsageRow[]> {
    return this.store.usageRows(accountId, range, memberId);
  }

  atomically<T>(scope: string, work: (tx: LedgerTx) => Promise<T>): Promise<T> {
    return this.group.run(scope, work);
  }

  onChange(
    listener: (state: AccountState) => void,
    watches: (accountId: string) => boolean = () => true,
  ): void {
    this.listeners.push({ listener, watches });
  }

  onOutboxWork(listener: () => void): void {
    this.outboxListeners.push(listener);
  }

  onMemberRevoked(listener: RevokedListener): void {
    this.revokedListeners.push(listener);
  }

  onUpgradeRequest(listener: UpgradeRequestListener): void {
    this.upgradeRequestListeners.push(listener);
  }

  pruneAnswers(before: number): Promise<number> {
    return this.store.pruneAnswers(before);
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private async loadDirectory(accountId: string): Promise<void> {
    const [members, open] = await Promise.all([
      this.store.members(accountId),
      this.store.upgradeRequests(accountId, { status: 'open' }),
    ]);
    this.directory.set(accountId, members);
    this.openRequests.set(accountId, open);
  }

  private committed(changes: Changes): void {
    for (const { member } of changes.members) this.directory.get(member.accountId)?.push(member);
    const revoked: [string, string][] = [];
    for (const update of changes.memberUpdates) {
      const members = this.directory.get(update.accountId);
      if (members) this.directory.set(update.accountId, withUpdate(members, update));
      this.forgetTokens(update.accountId);
      if (update.removedAt !== undefined || update.tokenHash !== undefined) {
        revoked.push([update.accountId, update.memberId]);
      }
    }
    for (const { accountId, request } of changes.upgradeRequests.values()) {
      const open = this.openRequests.get(accountId);
      if (!open) continue;
      const others = open.filter(({ id }) => id !== request.id);
      this.openRequests.set(accountId, request.status === 'open' ? [...others, request] : others);
    }
    for (const { state } of changes.accounts.values()) this.publish(state);
    if (hasOutboxWork(changes)) for (const listener of this.outboxListeners) listener();
    for (const [accountId, memberId] of revoked) {
      for (const listener of this.revokedListeners) listener(accountId, memberId);
    }
    for (const { accountId, request } of changes.upgradeRequests.values()) {
      const admins = (this.directory.get(accountId) ?? [])
        .filter(({ role }) => role === 'admin')
        .map(({ id }) => id);
      for (const listener of this.upgradeRequestListeners) listener(accountId, request, admins);
    }
  }

  /** Forgets the tokens trusted for an account's members: the next request reads them again. */
  private forgetTokens(accountId: string): void {
    for (const [hash, member] of this.membersByHash) {
      if (member.accountId === accountId) this.membersByHash.delete(hash);
    }
  }

  /**
   * Another node changed an account's team: read its members and open requests again, close
   * the streams of members no longer there, and send the account's Snapshot anew.
   */
  private async reloadTeam(accountId: string): Promise<void> {
    const before = this.directory.get(accountId) ?? [];
    this.forgetTokens(accountId);
    await this.loadDirectory(accountId);
    const now = new Set((this.directory.get(accountId) ?? []).map(({ id }) => id));
    for (const { id } of before) {
      if (now.has(id)) continue;
      for (const listener of this.revokedListeners) listener(accountId, id);
    }
    const state = await this.store.loadAccount(accountId);
    if (state) this.publish(state);
  }

  private publish(state: AccountState): void {
    for (const { listener } of this.listeners) listener(state);
  }

  /**
   * Another node committed: re-read the account (once for any number of notices meanwhile) when
   * a listener watches it. Only accounts whose members this node has met can have streams
   * here; others are skipped.
   */
  private remoteChange({ accountId, version }: RemoteChange): void {
    if (version !== null) this.group.shared(accountId);
    if (!this.directory.has(accountId)) return;
    if (version === null) void this.reloadTeam(accountId).catch(reportRemote);
    else if (this.watched(accountId)) this.reread(accountId);
  }

  /**
   * Other nodes' changes went unheard for a while: re-read the team of every account this node
   * has met (which sends its Snapshot anew; a stream skips a version it already has).
   */
  private missedChanges(): void {
    for (const accountId of this.directory.keys()) {
      void this.reloadTeam(accountId).catch(reportRemote);
    }
  }

  private watched(accountId: string): boolean {
    return this.listeners.some(({ watches }) => watches(accountId));
  }

  private reread(accountId: string): void {
    if (this.refreshing.has(accountId)) {
      this.refreshing.set(accountId, true);
      return;
    }
    this.refreshing.set(accountId, false);
    void this.refresh(accountId);
  }

  private async refresh(accountId: string): Promise<void> {
    try {
      do {
        this.refreshing.set(accountId, false);
        const state = await this.store.loadAccount(accountId);
        if (state) this.publish(state);
      } while (this.refreshing.get(accountId));
    } catch (error) {
      reportRemote(error);
    } finally {
      this.refreshing.delete(accountId);
    }
  }
}

function reportRemote(error: unknown): void {
  console.error('Could not read a change made by another node:', error);
}
