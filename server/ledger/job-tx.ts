import { randomBytes } from 'node:crypto';
import type { WebhookEventType } from '../../lib/api/schemas/webhooks.ts';
import {
  apply as applyCommand,
  balanceAlerts,
  openAccount as openBillingAccount,
  withUsageTally,
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
  balanceAlert,
  chargeCreated,
  outboxEvent,
  planChanged,
} from '../webhooks/ledger-events.ts';
import type { EndpointWrite } from '../webhooks/outbox-changes.ts';
import {
  type Entry,
  type LedgerTx,
  type Member,
  NotFoundError,
  type Outcome,
  operatorScope,
  type Range,
  type StoredAnswer,
  type UpgradeRequest,
  type UpgradeRequestFilter,
  type UsageRow,
} from './ledger.ts';
import { answerKey, type Changes, emptyChanges, type StoreBatch } from './store.ts';
import { membersAfter, upgradeRequestsAfter } from './team-changes.ts';

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

  async members(accountId: string): Promise<Member[]> {
    await this.state(accountId);
    const stored = await this.fromStore(() => this.context.batch.members(accountId));
    return membersAfter(stored, accountId, [this.context.changes, this.changes]);
  }

  async updateMember(
    accountId: string,
    memberId: string,
    change: { role: Role } | { removed: true } | { newToken: true },
  ): Promise<{ token: string | null }> {
    if (!(await this.members(accountId)).some(({ id }) => id === memberId)) {
      throw new NotFoundError(`No member ${memberId} in this account`);
    }
    const update = { accountId, memberId };
    if ('role' in change) {
      this.changes.memberUpdates.push({ ...update, role: change.role });
      return { token: null };
    }
    if ('removed' in change) {
      const now = this.context.now();
      this.changes.memberUpdates.push({ ...update, removedAt: now });
      this.changes.webhookEvents.push(outboxEvent('member.removed', { accountId, memberId }, now));
      return { token: null };
    }
    const token = newToken();
    this.changes.memberUpdates.push({ ...update, tokenHash: hashToken(token) });
    return { token };
  }

  async upgradeRequests(
    accountId: string,
    filter: UpgradeRequestFilter,
  ): Promise<UpgradeRequest[]> {
    await this.state(accountId);
    const stored = await this.fromStore(() =>
      this.context.batch.upgradeRequests(accountId, filter),
    );
    return upgradeRequestsAfter(stored, accountId, filter, [this.context.changes, this.changes]);
  }

  openRequestsAfter(accountId: string, committed: UpgradeRequest[]): UpgradeRequest[] {
    const batches = [this.context.changes, this.changes];
    // A debit's Snapshot asks too: most transactions touch no request.
    if (batches.every((changes) => changes.upgradeRequests.size === 0)) return committed;
    return upgradeRequestsAfter(committed, accountId, { status: 'open' }, batches);
  }

  saveUpgradeRequest(accountId: string, request: UpgradeRequest): void {
    this.changes.upgradeRequests.set(request.id, { accountId, request });
    // An open request is a new one: a request is only ever saved again to decide or replace it.
    if (request.status === 'open') {
      const { id: requestId, memberId, planId } = request;
      const data = { accountId, requestId, memberId, planId };
      this.changes.webhookEvents.push(outboxEvent('upgrade.requested', data, request.at));
    }
  }

  async touch(accountId: string): Promise<void> {
    const before = await this.state(accountId);
    this.written(accountId, before, { ...before, version: before.version + 1 });
  }

  async apply(accountId: string, command: Command): Promise<Outcome> {
    const before = await this.state(accountId);
    const now = this.context.now();
    let applied = applyCommand(before, command, now, this.context.catalog);
    const changed = applied.state.version !== before.version;
    // The alerts this change fired are remembered with it, so each fires once per term; its
    // usage is tallied with it, so a Snapshot's insight needs no read of the ledger.
    const alerts = balanceAlerts(
      applied.state,
      applied.entries,
      before.alerts,
      applied.state.alertThresholds,
    );
    if (changed) {
      const state = withUsageTally(before, applied);
      applied = { ...applied, state: { ...state, alerts: alerts.memory } };
    }
    const entries = this.record(applied);
    for (const alert of alerts.fired) {
      this.changes.webhookEvents.push(balanceAlert(accountId, alert, now));
    }
    if (applied.ok && applied.effect.kind === 'change-plan') {
      this.changes.webhookEvents.push(planChanged(accountId, applied.effect.preview, now));
    }
    if (changed) this.written(accountId, before, applied.state);
    return { applied, entries };
  }

  addWebhookEndpoint(input: { url: string; events: WebhookEventType[] }) {
    const endpoint: EndpointWrite = {
      id: newId('whe'),
      url: input.url,
      events: input.events,
      // Standard Webhooks: `whsec_` and the base64 of 24 to 64 random bytes.
      secret: `whsec_${randomBytes(32).toString('base64')}`,
      createdAt: this.context.now(),
    };
    this.changes.webhookEndpoints.push(endpoint);
    return endpoint;
  }

  async retryWebhookDelivery(endpointId: string, eventId: string) {
    const found = await this.fromStore(() =>
      this.context.batch.webhookDelivery(endpointId, eventId),
    );
    if (!found.endpoint) return 'no_endpoint';
    if (!found.delivery) return 'no_delivery';
    const dueAt = Date.parse(this.context.now());
    this.changes.webhookRetries.push({ endpointId, eventId, dueAt });
    return 'queued';
  }

  /** Keeps the account's new state, guarded by the version the batch first read. */
  private written(accountId: string, before: AccountState, state: AccountState): void {
    const known =
      this.changes.accounts.get(accountId) ?? this.context.changes.accounts.get(accountId);
    this.changes.accounts.set(accountId, {
      name: state.name,
      state,
      before: known ? known.before : before.version,
      createdAt: known?.createdAt ?? this.context.now(),
    });
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

  usageRows(accountId: string, range: Range): Promise<UsageRow[]> {
    return this.fromStore(() => this.context.batch.usageRows(accountId, range));
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
    for (const draft of transition.charges) {
      const entryId = entries[draft.entryIndex]?.id;
      const charge = {
        id: newId('chg'),
        at: draft.at,
        kind: draft.kind,
        amountUsd: draft.amountUsd,
        description: draft.description,
        ...(entryId === undefined ? {} : { entryId }),
      };
      this.changes.charges.push({ ...charge, accountId });
      this.changes.webhookEvents.push(chargeCreated(accountId, charge, this.context.now()));
    }
    for (const hold of transition.holds) this.changes.holds.set(hold.id, { accountId, hold });
    return entries;
  }
}
