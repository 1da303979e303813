import type { Store } from '../ledger/store.ts';
import type { Outbox } from '../webhooks/outbox.ts';
import { SqliteOutbox } from '../webhooks/sqlite-outbox.ts';
import { openDatabase } from './open.ts';
import { SqliteStore } from './sqlite-store.ts';

/**
 * The store the settings name (docs/api.md "Server settings"): PostgreSQL when
 * TALLY_DATABASE_URL is set (it wins over TALLY_DB), else the SQLite file at `sqlitePath`.
 * `outbox` reads and settles the webhook rows the store writes with its changes; up to
 * `webhookSenders` attempts run at once. `where` is what the server prints (never a password).
 */
export async function openStore(
  databaseUrl: string | undefined,
  sqlitePath: string,
  webhookSenders = 4,
): Promise<{ store: Store; outbox: Outbox; where: string }> {
  if (databaseUrl) {
    const { openPostgres } = await import('./postgres-store.ts');
    return openPostgres(databaseUrl, undefined, webhookSenders);
  }
  const db = openDatabase(sqlitePath);
  const store = new SqliteStore(db, sqlitePath);
  return { store, outbox: new SqliteOutbox(db, store), where: sqlitePath };
}
