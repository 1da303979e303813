import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';
import type { Changes, RemoteChange } from '../ledger/store.ts';

/** The channel every node LISTENs on: the accounts (and new members) a node's commits changed. */
const changesChannel = 'tally_changes';

/** Changes per NOTIFY payload, well under PostgreSQL's 8,000-byte limit. */
const changesPerNotice = 100;

/** Least time between two NOTIFYs of a node (the budget for a change to reach the others is 1 s). */
const gatherMs = 50;

interface Notice {
  node: string;
  /** [account id, new version, or null for a new member] */
  changes: [string, number | null][];
}

/**
 * How nodes tell each other what they committed: a NOTIFY sent right after a commit, then at
 * most one per `gatherMs` carrying whatever this node committed meanwhile (the newest version
 * per account, and new members). Not inside the transaction: PostgreSQL serialises every committing transaction that
 * notified on one database-wide lock, held through the commit's fsync, which would make commits
 * of different accounts queue behind each other. A node killed between its commit and this
 * NOTIFY leaves the other nodes' streams on the previous version until the account's next change.
 */
export class ChangeNotices {
  private readonly node = randomUUID();
  /** Changes committed and not yet announced; `announcing` while a NOTIFY is on its way. */
  private unannounced: [string, number | null][] = [];
  private announcing = false;

  constructor(private readonly sql: Sql) {}

  /** Queues what a commit changed and sends it unless a NOTIFY is already on its way. */
  announce(changes: Changes): void {
    for (const [id, account] of changes.accounts) {
      this.unannounced.push([id, account.state.version]);
    }
    for (const { member } of changes.members) this.unannounced.push([member.accountId, null]);
    // A team change (a role, a removal, a new token, an upgrade request) is a member notice too:
    // the other nodes re-read the account's members and forget the tokens they trusted.
    for (const { accountId } of changes.memberUpdates) this.unannounced.push([accountId, null]);
    for (const { accountId } of changes.upgradeRequests.values()) {
      this.unannounced.push([accountId, null]);
    }
    if (!this.announcing && this.unannounced.length > 0) void this.sendNotices();
  }

  private async sendNotices(): Promise<void> {
    this.announcing = true;
    try {
      while (this.unannounced.length > 0) {
        const changes = latestPerAccount(this.unannounced.splice(0));
        const payloads: string[] = [];
        for (let i = 0; i < changes.length; i += changesPerNotice) {
          const notice: Notice = {
            node: this.node,
            changes: changes.slice(i, i + changesPerNotice),
          };
          payloads.push(JSON.stringify(notice));
        }
        await this.sql`SELECT pg_notify(${changesChannel}, payload)
          FROM unnest(${payloads}::text[]) AS payload`;
        // A NOTIFY commits (and syncs) a transaction of its own: under load, gather what
        // commits meanwhile into the next one instead of sending one per commit.
        await new Promise((done) => setTimeout(done, gatherMs));
      }
    } catch (error) {
      console.error('Could not tell the other nodes of a change:', error);
    } finally {
      this.announcing = false;
    }
  }

  /** Hears the other nodes' notices (never this node's own). */
  async listen(listener: (change: RemoteChange) => void): Promise<void> {
    await this.sql.listen(changesChannel, (payload) => {
      const notice = JSON.parse(payload) as Notice;
      if (notice.node === this.node) return;
      for (const [accountId, version] of notice.changes) listener({ accountId, version });
    });
  }
}

/** One change per account: its newest version, and a member notice if there was one. */
function latestPerAccount(changes: [string, number | null][]): [string, number | null][] {
  const versions = new Map<string, number>();
  const members = new Set<string>();
  for (const [accountId, version] of changes) {
    if (version === null) members.add(accountId);
    else versions.set(accountId, Math.max(version, versions.get(accountId) ?? version));
  }
  return [...versions, ...[...members].map((id): [string, null] => [id, null])];
}
