import { randomUUID } from 'node:crypto';
import postgres, { type Sql } from 'postgres';
import type { Changes, RemoteChange } from '../ledger/store.ts';

/** The channel every node LISTENs on: the accounts (and new members) a node's commits changed. */
const changesChannel = 'tally_changes';

/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more; keep clear of it. */
const payloadBytes = 7_000;

/** The LISTEN connection, when lost, is tried again after this, doubling up to `retryMaxMs`. */
const retryFirstMs = 50;
const retryMaxMs = 1_000;

interface Notice {
  node: string;
  /** [account id, new version, or null for a new member] */
  changes: [string, number | null][];
}

/**
 * How nodes tell each other what they committed. The NOTIFY is sent inside the transaction of
 * the change: PostgreSQL delivers it when, and only if, that transaction commits, so a node
 * killed right after its commit has announced it all the same. A listener that lost its
 * connection missed what was sent meanwhile; once it listens again it says so (`reconnected`),
 * and the ledger re-reads what this node may have streams of.
 *
 * The price: PostgreSQL holds one lock from a notifying transaction's commit through its WAL
 * flush, so such commits follow each other. Group commit keeps them few: one per transaction,
 * which takes the batches of every account that waited (postgres-transactions.ts), not one
 * per debit; and a hot account's batches are serial on its row lock anyway.
 */
export class ChangeNotices {
  private readonly node = randomUUID();
  /** How this node's own notices begin (JSON.stringify writes `node` first): skipped unparsed. */
  private readonly ownPrefix = `{"node":"${this.node}"`;
  private listener: Sql | undefined;
  private closed = false;

  constructor(private readonly url: string) {}

  /**
   * Sends the NOTIFY of `changes` in the transaction on `tx` (on its way when this returns):
   * the other nodes hear it with the commit, or not at all.
   */
  send(tx: Sql, changes: Changes): Promise<unknown> {
    const payloads = this.payloads(changes);
    if (payloads.length === 0) return Promise.resolve();
    return tx`SELECT pg_notify(${changesChannel}, payload)
      FROM unnest(${payloads}::text[]) AS payload`.execute();
  }

  /** One JSON notice per ≤ `payloadBytes`, with the newest version of each account. */
  private payloads(changes: Changes): string[] {
    const all: [string, number | null][] = [];
    for (const [id, account] of changes.accounts) all.push([id, account.state.version]);
    for (const { member } of changes.members) all.push([member.accountId, null]);
    // A team change (a role, a removal, a new token, an upgrade request) is a member notice too:
    // the other nodes re-read the account's members and forget the tokens they trusted.
    for (const { accountId } of changes.memberUpdates) all.push([accountId, null]);
    for (const { accountId } of changes.upgradeRequests.values()) all.push([accountId, null]);
    const payloads: string[] = [];
    let chunk: [string, number | null][] = [];
    let size = 0;
    for (const change of all) {
      const changeBytes = Buffer.byteLength(JSON.stringify(change)) + 1;
      if (chunk.length > 0 && size + changeBytes > payloadBytes) {
        payloads.push(JSON.stringify({ node: this.node, changes: chunk } satisfies Notice));
        chunk = [];
        size = 0;
      }
      chunk.push(change);
      size += changeBytes;
    }
    if (chunk.length > 0) {
      payloads.push(JSON.stringify({ node: this.node, changes: chunk } satisfies Notice));
    }
    return payloads;
  }

  /**
   * Hears the other nodes' notices (never this node's own) on a connection of its own, kept
   * listening: when it drops, it is opened again (however long the database refuses it), and
   * `reconnected` is called once it listens again.
   */
  async listen(heard: (change: RemoteChange) => void, reconnected: () => void): Promise<void> {
    const onnotify = (_channel: string, payload: string) => {
      // Every commit of this node comes back to it too: the commonest notice, so the cheapest.
      if (payload.startsWith(this.ownPrefix)) return;
      const notice = JSON.parse(payload) as Notice;
      for (const [accountId, version] of notice.changes) heard({ accountId, version });
    };
    let relistening = false;
    const relisten = async () => {
      if (relistening || this.closed) return;
      relistening = true;
      for (let waitMs = retryFirstMs; !this.closed; waitMs = Math.min(waitMs * 2, retryMaxMs)) {
        await new Promise((done) => setTimeout(done, waitMs));
        try {
          await this.subscribe();
          relistening = false;
          reconnected();
          return;
        } catch {
          // The database is still out of reach: try again, a little later.
        }
      }
    };
    // `onnotify` is the client's own hook for notifications on a connection (its `listen` is
    // built on it); that `listen` gives up on a channel whose re-LISTEN fails once.
    this.listener = postgres(this.url, {
      max: 1,
      max_lifetime: null,
      onnotice: () => {},
      onclose: () => void relisten(),
      connection: { application_name: 'tally listener' },
      ...({ onnotify } as object),
    });
    await this.subscribe();
  }

  private async subscribe(): Promise<void> {
    await this.listener?.unsafe(`LISTEN ${changesChannel}`);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.listener?.end({ timeout: 5 });
  }
}
