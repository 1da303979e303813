import { computed, signal } from '@preact/signals';
import type { Entry } from '../api/schemas/entry.ts';
import type { Snapshot } from '../api/schemas/snapshot.ts';
import { errorMessage } from '../billing/errors.ts';
import type {
  Catalog,
  Instant,
  OperationId,
  OveragePolicy,
  PlanId,
  Quote,
  Usd,
} from '../billing/types.ts';
import type { Messages } from '../i18n/messages.ts';
import type { CreditMath } from './credit-math.ts';
import type { CreditSource, CreditUpdate, SyncStatus } from './credit-source.ts';
import { type OperationNames, operationNames } from './display-names.ts';
import { freshnessText } from './freshness.ts';
import { createOveragePrompt, type PromptOptions } from './overage-prompt.ts';
import { supersedes } from './snapshot-order.ts';

export interface CreditModelOptions {
  /** Where the billing math is done: `localMath`, or the extension's worker (credit-math.ts). */
  math: CreditMath;
  /** Milliseconds since the epoch; tests pass a controlled clock. */
  clock?: () => number;
  /** How often the freshness text moves on while it is on screen. */
  tickMs?: number;
  /** Time zone of "offline since 10:42"; the user's own by default. */
  timeZone?: string;
  /** Where the upgrade-or-pay-overage question is asked when not in this UI (see the prompt). */
  askElsewhere?: PromptOptions['askElsewhere'];
  /** The words and formats of the user's locale (the extension's come from the browser). */
  messages: Messages;
}

export interface OperationCapacity extends OperationNames {
  id: OperationId;
  rate: string;
  /** floor(available / rate): 385 × 1.3 > 500, so 500 credits make 384 Smart Crops. */
  remaining: number;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The credit store one UI root creates over its credit source: the snapshot and how fresh it is,
 * what it means (balance, capacity, quotes, from its `math`, never the network on hover), and
 * the actions, which delegate to the source.
 */
export function createCreditModel(source: CreditSource, options: CreditModelOptions) {
  const { math, messages } = options;
  const clock = options.clock ?? Date.now;
  const snapshot = signal<Snapshot | null>(null);
  const status = signal<SyncStatus>('loading');
  const lastSyncedAt = signal<Instant | null>(null);
  const error = signal<string | null>(null);
  const catalog = signal<Catalog | null>(null);
  const entries = signal<Entry[] | null>(null);
  // The clock ticks only while something on screen reads a relative time (a signal is watched
  // while an effect or a rendered component depends on it) and the model is started.
  let shown = false;
  let ticking: ReturnType<typeof setInterval> | null = null;
  const now = signal(clock(), {
    watched() {
      shown = true;
      // Not written here: a signal may not change while it is being subscribed.
      queueMicrotask(() => {
        now.value = clock();
      });
      tick();
    },
    unwatched() {
      shown = false;
      tick();
    },
  });

  const facts = computed(() => (snapshot.value ? math.facts(snapshot.value) : null));
  const balance = computed(() => facts.value?.balance ?? null);
  const operations = computed<OperationCapacity[]>(() => {
    const current = snapshot.value;
    const remaining = facts.value?.remaining;
    if (!current || !remaining) return [];
    const order = catalog.value?.operations.map((operation) => operation.id) ?? [];
    const ids = Object.keys(current.plan.rates).sort(
      (a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99),
    );
    return ids.map((id) => ({
      id,
      ...operationNames(catalog.value, id),
      rate: current.plan.rates[id] ?? '0',
      remaining: remaining[id] ?? 0,
    }));
  });
  const freshness = computed(() =>
    freshnessText(
      status.value,
      lastSyncedAt.value === null ? null : Date.parse(lastSyncedAt.value),
      now.value,
      messages,
      options.timeZone,
    ),
  );
  /**
   * The plans a member could move up to, cheapest first; null until they are known (the
   * snapshot, the catalogue and the math that compares them), so that "no plan above" is
   * never said of plans not yet known.
   */
  const knownUpgrades = computed(() => {
    const current = snapshot.value;
    const plans = catalog.value?.plans;
    return current && plans ? math.upgrades(current, plans) : null;
  });
  /** The same, none until known. */
  const upgrades = computed(() => knownUpgrades.value ?? []);

  function syncedAt(at: Instant | undefined) {
    if (at && (lastSyncedAt.value === null || Date.parse(at) > Date.parse(lastSyncedAt.value))) {
      lastSyncedAt.value = at;
    }
  }

  /** An older version never replaces a newer one, wherever it comes from. */
  function applySnapshot(next: Snapshot, at: Instant | undefined): boolean {
    if (!supersedes(next, snapshot.value)) return false;
    snapshot.value = next;
    syncedAt(at);
    return true;
  }

  function onUpdate(update: CreditUpdate) {
    if (update.kind === 'snapshot') {
      if (!applySnapshot(update.snapshot, update.syncedAt)) return;
      status.value = 'fresh';
      error.value = null;
      return;
    }
    status.value = update.status;
    syncedAt(update.syncedAt);
    error.value = update.error ?? null;
  }

  function fail(reason: unknown): never {
    error.value = errorMessage(reason);
    throw reason;
  }

  async function refresh() {
    // A refused or missing connection stays so until the source says otherwise: showing
    // "syncing" would bring back numbers the refused token may have made wrong.
    if (status.value === 'fresh' || status.value === 'offline') status.value = 'loading';
    try {
      await source.refresh();
    } catch (reason) {
      // A source normally reports its own status; this covers one that only rejects.
      if (status.value === 'loading') {
        status.value = codeOf(reason) === 'unauthorized' ? 'unauthorized' : 'offline';
      }
      error.value = errorMessage(reason);
    }
  }

  async function loadCatalog(): Promise<Catalog | null> {
    if (catalog.value) return catalog.value;
    try {
      catalog.value = await source.catalog();
    } catch (reason) {
      error.value = errorMessage(reason);
    }
    return catalog.value;
  }

  async function loadLedger(limit = 10) {
    try {
      entries.value = await source.ledger(limit);
    } catch (reason) {
      error.value = errorMessage(reason);
    }
  }

  /** An admin action that answers with the account's new snapshot. */
  async function adopt(change: Promise<Snapshot>) {
    try {
      applySnapshot(await change, new Date(clock()).toISOString());
      error.value = null;
    } catch (reason) {
      fail(reason);
    }
  }

  const changePlan = (planId: PlanId) => adopt(source.changePlan(planId));
  const setOveragePolicy = (policy: OveragePolicy, capUsd: Usd | null) =>
    adopt(source.setOveragePolicy(policy, capUsd));

  /** The cost preview of `quantity` × `operation` on the current snapshot; null without one. */
  function quoteFor(operation: OperationId, quantity = 1): Quote | null {
    const current = snapshot.value;
    return current ? math.quote(current, operation, quantity) : null;
  }

  /** The same quote once the math has it (on the snapshot as it is when asked). */
  async function settledQuote(operation: OperationId, quantity: number): Promise<Quote | null> {
    const current = snapshot.peek();
    return current ? math.settledQuote(current, operation, quantity) : null;
  }

  const { close: closePrompt, ...prompt } = createOveragePrompt({
    snapshot,
    catalog,
    upgrades,
    source,
    quoteFor,
    settledQuote,
    changePlan,
    loadCatalog,
    messages,
    ...(options.askElsewhere ? { askElsewhere: options.askElsewhere } : {}),
  });

  let stop: (() => void) | null = null;

  /** Starts or stops the clock to match whether it is needed. */
  function tick() {
    const needed = shown && stop !== null;
    if (needed && !ticking) {
      ticking = setInterval(() => {
        now.value = clock();
      }, options.tickMs ?? 1000);
    } else if (!needed && ticking) {
      clearInterval(ticking);
      ticking = null;
    }
  }

  /** First paint from the cache, then a refresh; resolves once the cache is on screen. */
  async function start() {
    if (stop) return;
    const unsubscribe = source.subscribe(onUpdate);
    stop = unsubscribe;
    tick();
    const cached = await source.load().catch(() => null);
    if (cached) {
      applySnapshot(cached.snapshot, cached.syncedAt);
      if (cached.catalog && !catalog.value) catalog.value = cached.catalog;
    }
    now.value = clock();
    void refresh();
    void loadCatalog();
  }

  function dispose() {
    stop?.();
    stop = null;
    tick();
    closePrompt();
  }

  return {
    /** What every component rendering this model says things with. */
    messages,
    snapshot,
    status,
    lastSyncedAt,
    error,
    catalog,
    entries,
    now,
    balance,
    operations,
    freshness,
    upgrades,
    knownUpgrades,
    quoteFor,
    start,
    dispose,
    refresh,
    loadCatalog,
    loadLedger,
    previewPlanChange: (planId: PlanId) => source.previewPlanChange(planId),
    /** This term's usage by day and operation; null when the source cannot read it. */
    usageSummary: source.usageSummary?.bind(source) ?? null,
    changePlan,
    setOveragePolicy,
    ...prompt,
  };
}

export type CreditModel = ReturnType<typeof createCreditModel>;
