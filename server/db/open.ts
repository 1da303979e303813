import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.ts';

export type Db = Database.Database;

/**
 * Opens the SQLite file the ledger lives in and brings its schema up to date.
 * WAL lets readers run beside the one writer; synchronous=FULL makes every commit durable
 * (fsync of the WAL) before a 201 leaves the server; busy_timeout covers a second process
 * (a test, a backup) holding the write lock for a moment.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}
