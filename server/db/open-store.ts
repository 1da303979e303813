import type { Store } from '../ledger/store.ts';
import { openDatabase } from './open.ts';
import { SqliteStore } from './sqlite-store.ts';

/**
 * The store the settings name (API.md "Server settings"): PostgreSQL when
 * TALLY_DATABASE_URL is set (it wins over TALLY_DB), else the SQLite file at `sqlitePath`.
 * `where` is what the server prints (never a password).
 */
export async function openStore(
  databaseUrl: string | undefined,
  sqlitePath: string,
): Promise<{ store: Store; where: string }> {
  if (databaseUrl) {
    const { openPostgres } = await import('./postgres-store.ts');
    return openPostgres(databaseUrl);
  }
  return { store: new SqliteStore(openDatabase(sqlitePath), sqlitePath), where: sqlitePath };
}
