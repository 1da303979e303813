import { storage } from 'wxt/utils/storage';
import { backoffMs, type RetryOptions } from '../api/retry.ts';
import type { AlertEvent, Snapshot } from '../api/schemas/snapshot.ts';
import type { Messages } from '../i18n/messages.ts';
import type { SyncStatus } from '../store/credit-source.ts';
import type { Connection, ConnectionVault } from './connection-vault.ts';
import { classifyFailure } from './failure.ts';
import type { PublicState } from './public-state.ts';
import type { SnapshotCache } from './snapshot-cache.ts';

/** The last sync outcome, kept so a restarted worker (and the first paint) tells the truth. */
export interface StoredSyncStatus {
  status: SyncStatus;
  error?: string;
}

export function defineSyncStatusItem() {
  return storage.defineItem<StoredSyncStatus | null>('local:sync-status', { fallback: null });
}

export type SyncStatusItem = ReturnType<typeof defineSyncStatusItem>;

export interface StreamHandlers {
  onSnapshot(snapshot: Snapshot): void;
  /** A low-balance alert the server pushed after the change that fired it. */
  onAlert(alert: AlertEvent): void;
  /** (Re)connected; the server then sends the current Snapshot unless we already have it. */
  onOpen(): void;
  /** Lost the connection and retrying by itself: time to find out whether we are offline. */
  onTrouble(): void;
  /** Ended for good (the token was refused); it will not call again. */
  onError(error: unknown): void;
}

export interface SyncDeps {
  vault: ConnectionVault;
  cache: SnapshotCache;
  statusItem: SyncStatusItem;
  /** `GET /v1/me` with this connection. */
  fetchSnapshot(connection: Connection): Promise<Snapshot>;
  /** `GET /v1/events`; returns a function that closes it. */
  openStream(connection: Connection, handlers: StreamHandlers): () => void;
  /** Tells open UIs (and the badge) the new state. */
  publish(state: PublicState): void;
  /** The words of the reasons it gives (a refused token, an unreachable server). */
  messages: Messages;
  /** Tells of a low-balance alert, with the account's latest Snapshot (a notification). */
  alerted?(alert: AlertEvent, snapshot: Snapshot | null): void;
  now?: () => Date;
  /** The retry backoff while a UI is open; `random` is injectable so tests are deterministic. */
  retry?: RetryOptions;
  random?: () => number;
}

/** While a UI is open the engine retries for as long as it stays open. */
const SYNC_RETRY: RetryOptions = { retries: Number.POSITIVE_INFINITY, baseMs: 1000, maxMs: 30_000 };

/**
 * Keeps the cached Snapshot fresh. Idle, the worker's alarm calls `refresh()`; while a UI is
 * connected (`setLive`), the event stream pushes every change. Failures keep the cache and say
 * so: a refused token asks for a reconnect, anything else is retried with backoff while a UI
 * is open (the alarm covers the idle case, and a worker that dies loses only its timers).
 */
export class SyncEngine {
  #connection: Connection | null = null;
  #status: StoredSyncStatus = { status: 'unconfigured' };
  #live = 0;
  #closeStream: (() => void) | null = null;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #failures = 0;
  #inflight: Promise<void> | null = null;
  #again = false;

  constructor(private readonly deps: SyncDeps) {}

  /** Rebuilds the engine's state from storage; the worker's initialisation gate awaits it. */
  async init(): Promise<void> {
    this.#connection = await this.deps.vault.load();
    const stored = await this.deps.statusItem.getValue();
    // A revoked token was forgotten, but the reason stays until the next connect.
    if (!this.#connection) {
      this.#status = stored?.status === 'unauthorized' ? stored : { status: 'unconfigured' };
    } else this.#status = stored ?? { status: 'loading' };
  }

  get connection(): Connection | null {
    return this.#connection;
  }

  async state(): Promise<PublicState> {
    const cached = this.#connection ? await this.deps.cache.get() : null;
    return {
      status: this.#status.status,
      snapshot: cached?.snapshot ?? null,
      syncedAt: cached?.syncedAt ?? null,
      ...(this.#status.error ? { error: this.#status.error } : {}),
      baseUrl: this.#connection?.baseUrl ?? null,
    };
  }

  /**
   * Fetches the Snapshot now. Calls made while one is running share it and run once more
   * after it: the usage they were told about may have landed after the running one was sent.
   */
  refresh(): Promise<void> {
    if (this.#inflight) {
      this.#again = true;
      return this.#inflight;
    }
    this.#inflight = (async () => {
      try {
        do {
          this.#again = false;
          await this.#refreshOnce();
        } while (this.#again);
      } finally {
        this.#inflight = null;
      }
    })();
    return this.#inflight;
  }

  /** Validates the connection with `GET /v1/me` before keeping it; throws what went wrong. */
  async connect(connection: Connection): Promise<Snapshot> {
    const snapshot = await this.deps.fetchSnapshot(connection);
    this.#stopStream();
    this.#clearRetry();
    await this.deps.vault.save(connection);
    await this.deps.cache.clear();
    this.#connection = connection;
    this.#failures = 0;
    await this.deps.cache.accept(snapshot, this.#now());
    await this.#setStatus({ status: 'fresh' });
    this.#ensureStream();
    return snapshot;
  }

  async disconnect(): Promise<void> {
    this.#stopStream();
    this.#clearRetry();
    this.#connection = null;
    await this.deps.vault.clear();
    await this.deps.cache.clear();
    await this.#setStatus({ status: 'unconfigured' });
  }

  /** A Snapshot that came back from an action (plan change, policy). */
  async accept(snapshot: Snapshot): Promise<void> {
    await this.deps.cache.accept(snapshot, this.#now());
    await this.#setStatus({ status: 'fresh' });
  }

  /** How many UIs are connected: the stream runs while there is at least one. */
  setLive(count: number): void {
    const wasLive = this.#live > 0;
    this.#live = count;
    if (count > 0 && !wasLive) {
      this.#ensureStream();
      void this.refresh();
    } else if (count === 0) {
      this.#stopStream();
      this.#clearRetry();
    }
  }

  async #refreshOnce(): Promise<void> {
    const connection = this.#connection;
    if (!connection) return;
    try {
      const snapshot = await this.deps.fetchSnapshot(connection);
      if (connection !== this.#connection) return; // reconnected meanwhile: not ours any more
      this.#failures = 0;
      this.#clearRetry();
      await this.deps.cache.accept(snapshot, this.#now());
      await this.#setStatus({ status: 'fresh' });
      this.#ensureStream();
    } catch (error) {
      if (connection !== this.#connection) return;
      await this.#fail(error);
    }
  }

  async #onPushed(snapshot: Snapshot, connection: Connection): Promise<void> {
    if (connection !== this.#connection) return;
    this.#failures = 0;
    await this.deps.cache.accept(snapshot, this.#now());
    await this.#setStatus({ status: 'fresh' });
  }

  async #fail(error: unknown): Promise<void> {
    const cached = await this.deps.cache.get();
    const failure = classifyFailure(error, this.deps.messages, cached?.snapshot.account.name);
    if (failure.status === 'unauthorized') {
      // The token was revoked (member removed, or rotated): it will never work again, so the
      // worker forgets it, and the cached balance of an account this person left with it.
      this.#stopStream();
      this.#clearRetry();
      this.#connection = null;
      await this.deps.vault.clear();
      await this.deps.cache.clear();
      await this.#setStatus({ status: failure.status, error: failure.message });
      return;
    }
    await this.#setStatus({ status: failure.status, error: failure.message });
    this.#failures += 1;
    this.#scheduleRetry();
  }

  #scheduleRetry(): void {
    if (this.#live === 0 || this.#retryTimer) return;
    const delay = backoffMs(this.#failures - 1, this.deps.retry ?? SYNC_RETRY, this.deps.random);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      void this.refresh();
    }, delay);
  }

  #ensureStream(): void {
    const connection = this.#connection;
    if (this.#live === 0 || !connection || this.#closeStream) return;
    if (this.#status.status === 'unauthorized') return;
    let ended = false;
    let close: () => void = () => {};
    const stop = () => {
      ended = true;
      close();
    };
    this.#closeStream = stop;
    close = this.deps.openStream(connection, {
      onSnapshot: (snapshot) => {
        if (!ended) void this.#onPushed(snapshot, connection);
      },
      onAlert: (alert) => {
        if (!ended) void this.state().then((state) => this.deps.alerted?.(alert, state.snapshot));
      },
      onOpen: () => {
        if (ended) return;
        // The server sends the current Snapshot on connect unless we have it; a fetch is only
        // needed to clear a stale status, and not while one is already on its way.
        if (this.#status.status !== 'fresh' && !this.#inflight) void this.refresh();
      },
      onTrouble: () => {
        if (ended) return;
        void this.refresh();
      },
      onError: (error) => {
        if (ended) return;
        ended = true;
        if (this.#closeStream === stop) this.#closeStream = null;
        if (connection === this.#connection) void this.#fail(error);
      },
    });
  }

  #stopStream(): void {
    this.#closeStream?.();
    this.#closeStream = null;
  }

  #clearRetry(): void {
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
  }

  async #setStatus(status: StoredSyncStatus): Promise<void> {
    this.#status = status;
    await this.deps.statusItem.setValue(status);
    this.deps.publish(await this.state());
  }

  #now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }
}
