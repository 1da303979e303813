// A CreditSource held in memory, for tests only: the extension and the embed bring
// the real ones. Plan changes run through lib/billing's own rules, so previews and the
// snapshot after a change are what the server would compute.
import type { Entry } from '../../lib/api/schemas/entry.ts';
import type { Snapshot } from '../../lib/api/schemas/snapshot.ts';
import { demoCatalog } from '../../lib/billing/catalog.ts';
import { termBounds } from '../../lib/billing/cycle.ts';
import { changePlan, previewPlanChange } from '../../lib/billing/plan-change.ts';
import type {
  AccountState,
  Catalog,
  Instant,
  OveragePolicy,
  PlanId,
  Usd,
} from '../../lib/billing/types.ts';
import type {
  Cached,
  CreditSource,
  CreditUpdate,
  PreflightDecision,
} from '../../lib/store/credit-source.ts';

function stateOf(snapshot: Snapshot): AccountState {
  return {
    id: snapshot.account.id,
    name: snapshot.account.name,
    planId: snapshot.plan.id,
    cycle: { anchor: snapshot.cycle.start, term: 0 },
    credits: { ...snapshot.credits },
    overage: { ...snapshot.overage },
    holds: [],
    version: snapshot.version,
  };
}

export class MemoryCreditSource implements CreditSource {
  snapshot: Snapshot;
  cached: Cached | null;
  now: Instant;
  entries: Entry[] = [];
  decisions: PreflightDecision[] = [];
  /** What the next refresh does. */
  network: 'up' | 'down' | 'refused' = 'up';
  private listeners = new Set<(update: CreditUpdate) => void>();

  /** The vendor's catalogue: the demo's unless a test gives its own. */
  readonly catalogue: Catalog;

  constructor(options: {
    snapshot: Snapshot;
    cached?: Cached | null;
    now?: Instant;
    catalog?: Catalog;
  }) {
    this.snapshot = options.snapshot;
    this.cached = options.cached ?? null;
    this.now = options.now ?? '2026-11-20T10:42:00.000Z';
    this.catalogue = options.catalog ?? demoCatalog;
  }

  emit(update: CreditUpdate) {
    for (const listener of this.listeners) listener(update);
  }

  /** The server moved on: the account has a new version. */
  push(snapshot: Snapshot, syncedAt: Instant = this.now) {
    this.snapshot = snapshot;
    this.emit({ kind: 'snapshot', snapshot, syncedAt });
  }

  async load() {
    return this.cached;
  }

  async refresh() {
    if (this.network === 'up')
      this.emit({ kind: 'snapshot', snapshot: this.snapshot, syncedAt: this.now });
    else if (this.network === 'down')
      this.emit({ kind: 'status', status: 'offline', error: 'Network down' });
    else this.emit({ kind: 'status', status: 'unauthorized', error: 'Token refused' });
  }

  subscribe(listener: (update: CreditUpdate) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async catalog() {
    return this.catalogue;
  }

  async previewPlanChange(planId: PlanId) {
    return previewPlanChange(stateOf(this.snapshot), planId, this.now, this.catalogue);
  }

  async changePlan(planId: PlanId) {
    if (this.snapshot.member.role !== 'admin') {
      throw Object.assign(new Error('Ask Ada (admin) to change the plan.'), { code: 'forbidden' });
    }
    const { state } = changePlan(
      stateOf(this.snapshot),
      planId,
      this.now,
      this.catalogue,
      this.snapshot.member.id,
    );
    const plan = this.catalogue.plans.find((candidate) => candidate.id === planId)!;
    const next: Snapshot = {
      ...this.snapshot,
      version: this.snapshot.version + 1,
      plan,
      cycle: termBounds(state.cycle),
      credits: state.credits,
    };
    this.push(next);
    return next;
  }

  async setOveragePolicy(policy: OveragePolicy, capUsd: Usd | null) {
    const next = {
      ...this.snapshot,
      version: this.snapshot.version + 1,
      overage: { ...this.snapshot.overage, policy, capUsd },
    };
    this.push(next);
    return next;
  }

  async ledger(limit = 10) {
    return this.entries.slice(0, limit);
  }

  async recordDecision(decision: PreflightDecision) {
    this.decisions.push(decision);
  }
}
