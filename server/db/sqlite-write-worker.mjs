// The ledger's SQLite writer thread: commits each batch of writes it is sent in one
// BEGIN IMMEDIATE transaction, so the COMMIT's fsync blocks this thread and never the server's
// event loop. Plain JavaScript, so it starts without the TypeScript loader. Batches are
// committed in the order they come: the server's next batch may be on its way while one commits
// (sqlite-store.ts), and it builds on what that one writes.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
// biome-ignore lint/correctness/useImportExtensions: this is the module itself (its types sit beside it, in answer-key-bits.d.mts)
import { bitsOf } from './answer-key-bits.mjs';

const db = new Database(workerData.path);
// The same durability as the reading connection (server/db/open.ts): every commit is fsynced.
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
db.pragma('foreign_keys = ON');

// Statements by the number the server gave each; its text comes once, with its first use.
const texts = [];
const prepared = [];

/** Commits `writes` in order; answers how many rows they changed in all. */
const commit = db.transaction((writes) => {
  let total = 0;
  for (const [number, params, expectOne] of writes) {
    prepared[number] ??= db.prepare(texts[number]);
    const { changes } = prepared[number].run(...params);
    if (expectOne !== undefined && changes !== 1) throw new Error(expectOne);
    total += changes;
  }
  return total;
});

const answerKeys = db.prepare('SELECT scope, key FROM idempotency_keys').raw();

// `mapKeys`: after the commit, the bit map of every idempotency key the file holds (after a
// prune), built here so that the server's thread does not read them all; its memory is moved,
// not copied. The batches sent after this one add their keys to it once they commit.
parentPort.on('message', ({ id, statements, writes, mapKeys }) => {
  try {
    for (const [number, sql] of statements) texts[number] = sql;
    const changes = commit.immediate(writes);
    if (mapKeys) {
      const keys = bitsOf(answerKeys.iterate());
      parentPort.postMessage({ id, ok: true, changes, keys }, [keys.buffer]);
      return;
    }
    parentPort.postMessage({ id, ok: true, changes });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: error?.message ?? String(error) });
  }
});
parentPort.on('close', () => db.close());
