import type { AccountState } from '../lib/billing/types.ts';
import { NotFoundError } from './ledger/ledger.ts';
import { alertFrames, snapshotFrame } from './snapshot-frame.ts';
import { StreamsPerToken } from './stream-cap.ts';

/** One open `GET /v1/events` stream: whose it is and how to write to it. */
export interface Subscriber {
  accountId: string;
  memberId: string;
  /** The token it was opened with (its hash): a token has at most 10 streams. */
  tokenHash: string;
  /**
   * Writes one `event: snapshot` frame (snapshot-frame.ts) of that version, unless the stream
   * has it already (null); answers the version the stream had before (-1: none).
   */
  send(version: number, frame: Uint8Array): number | null;
  /** Writes a frame that is not a Snapshot (an upgrade request, an alert) as it is. */
  event(frame: Uint8Array): void;
  /** A comment line that keeps proxies and clients from timing the stream out. */
  heartbeat(): void;
  close(): void;
}

/** Renders an account's state as the Snapshot JSON one member sees. */
export type RenderSnapshot = (state: AccountState, memberId: string) => Promise<unknown> | unknown;

const heartbeatMs = 15_000;
/** How long a change may wait for others of its account before its streams hear of it. */
const COALESCE_MS = 20;

/**
 * The SSE hub: after every committed change of an account, each open stream of that account
 * gets the new Snapshot built for its own member; streams of other accounts never hear of it.
 * A member's Snapshot is rendered and encoded once per change, however many streams it has open
 * (docs/architecture.md: ≤ 5 µs per stream and change, `npm run bench`).
 */
export class EventHub {
  private readonly byAccount = new Map<string, Set<Subscriber>>();
  private readonly perToken = new StreamsPerToken<Subscriber>();
  private readonly timer: NodeJS.Timeout;
  private readonly pending = new Map<string, AccountState>();
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly render: RenderSnapshot,
    intervalMs = heartbeatMs,
    private readonly coalesceMs = COALESCE_MS,
  ) {
    this.timer = setInterval(() => this.beat(), intervalMs);
    this.timer.unref();
  }

  subscribe(subscriber: Subscriber): () => void {
    let set = this.byAccount.get(subscriber.accountId);
    if (!set) {
      set = new Set();
      this.byAccount.set(subscriber.accountId, set);
    }
    set.add(subscriber);
    for (const oldest of this.perToken.add(subscriber.tokenHash, subscriber)) oldest.close();
    return () => {
      set.delete(subscriber);
      this.perToken.remove(subscriber.tokenHash, subscriber);
      if (set.size === 0) this.byAccount.delete(subscriber.accountId);
    };
  }

  /**
   * Called by the ledger after a commit changed `state.id`. The streams hear of it within
   * `coalesceMs`: changes of one account that commit within that window go out as one Snapshot,
   * the newest (a Snapshot is the whole state, so a stream that skips a version misses nothing).
   * Under load that makes a change cost its streams a fraction of one write each.
   */
  publish(state: AccountState): void {
    if (!this.byAccount.has(state.id)) return;
    const pending = this.pending.get(state.id);
    if (!pending || pending.version < state.version) this.pending.set(state.id, state);
    this.flushTimer ??= setTimeout(() => void this.flush(), this.coalesceMs);
  }

  /** True while some stream of the account is open here. */
  follows(accountId: string): boolean {
    return this.byAccount.has(accountId);
  }

  /**
   * Sends what is pending now, one render per member and account; resolves once it is written.
   * A slower render of an older version is dropped by the stream (its versions only go up).
   */
  async flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const states = [...this.pending.values()];
    this.pending.clear();
    await Promise.all(states.map((state) => this.send(state)));
  }

  private async send(state: AccountState): Promise<void> {
    const members = new Set<string>();
    for (const subscriber of this.byAccount.get(state.id) ?? []) members.add(subscriber.memberId);
    const frames = new Map<string, Uint8Array>();
    await Promise.all(
      [...members].map(async (memberId) => {
        try {
          frames.set(memberId, snapshotFrame(state.version, await this.render(state, memberId)));
        } catch (error) {
          // A member removed meanwhile has no Snapshot; its streams are being closed.
          if (!(error instanceof NotFoundError)) {
            console.error(`Could not render the Snapshot of ${memberId}:`, error);
          }
        }
      }),
    );
    // The streams open now: one may have closed, or opened with its own first Snapshot.
    for (const subscriber of this.byAccount.get(state.id) ?? []) {
      const frame = frames.get(subscriber.memberId);
      if (!frame) continue;
      const since = subscriber.send(state.version, frame);
      // The alerts fired since the stream's last Snapshot follow the Snapshot that holds them.
      if (since !== null) for (const alert of alertFrames(state, since)) subscriber.event(alert);
    }
  }

  /**
   * Sends `frame` at once to the account's streams whose member is one of `memberIds` (an
   * upgrade request reaches the admins, and its outcome the member who asked).
   */
  sendTo(accountId: string, memberIds: ReadonlySet<string>, frame: Uint8Array): void {
    for (const subscriber of this.byAccount.get(accountId) ?? []) {
      if (memberIds.has(subscriber.memberId)) subscriber.event(frame);
    }
  }

  /**
   * Ends the streams of a member who was removed or whose token was replaced (docs/api.md: its
   * tokens stop working at once); main.ts calls it when the ledger reports the revocation.
   */
  closeMember(accountId: string, memberId: string): void {
    for (const subscriber of this.byAccount.get(accountId) ?? []) {
      if (subscriber.memberId === memberId) subscriber.close();
    }
  }

  get size(): number {
    let n = 0;
    for (const set of this.byAccount.values()) n += set.size;
    return n;
  }

  /** Shutdown: end every stream so the HTTP server can close. */
  closeAll(): void {
    clearInterval(this.timer);
    void this.flush();
    for (const set of this.byAccount.values()) for (const subscriber of set) subscriber.close();
    this.byAccount.clear();
  }

  private beat(): void {
    for (const set of this.byAccount.values()) for (const subscriber of set) subscriber.heartbeat();
  }
}
