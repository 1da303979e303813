import type { AccountState } from '../lib/billing/types.ts';

/** One open `GET /v1/events` stream: whose it is and how to write to it. */
export interface Subscriber {
  accountId: string;
  memberId: string;
  /** Sends one `event: snapshot` with `id: <version>`. */
  send(version: number, data: string): void;
  /** A comment line that keeps proxies and clients from timing the stream out. */
  heartbeat(): void;
  close(): void;
}

/** Renders an account's state as the Snapshot JSON one member sees. */
export type RenderSnapshot = (state: AccountState, memberId: string) => unknown;

const heartbeatMs = 15_000;

/**
 * The SSE hub: after every committed change of an account, each open stream of that account
 * gets the new Snapshot built for its own member; streams of other accounts never hear of it.
 */
export class EventHub {
  private readonly byAccount = new Map<string, Set<Subscriber>>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly render: RenderSnapshot,
    intervalMs = heartbeatMs,
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
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.byAccount.delete(subscriber.accountId);
    };
  }

  /** Called by the ledger after a commit changed `state.id`. */
  publish(state: AccountState): void {
    const set = this.byAccount.get(state.id);
    if (!set) return;
    for (const subscriber of set) {
      subscriber.send(state.version, JSON.stringify(this.render(state, subscriber.memberId)));
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
    for (const set of this.byAccount.values()) for (const subscriber of set) subscriber.close();
    this.byAccount.clear();
  }

  private beat(): void {
    for (const set of this.byAccount.values()) for (const subscriber of set) subscriber.heartbeat();
  }
}
