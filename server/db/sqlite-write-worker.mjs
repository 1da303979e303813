// The ledger's SQLite writer thread: commits each batch of writes it is sent in one
// BEGIN IMMEDIATE transaction, so the COMMIT's fsync blocks this thread and never the server's
// event loop. Plain JavaScript, so it starts without the TypeScript loader. Batches are
// committed in the order they come: the server's next batch may be on its way while one commits
// (sqlite-store.ts), and it builds on what that one writes.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
// biome-ignore lint/correctness/useImportExtensions: this is the module itself (its types sit beside it, in answer-key-bits.d.mts)
import { bitCount, keyBit, setBit } from './answer-key-bits.mjs';

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

/** Keys mapped per turn: 2 to 3 ms of reading, as long as a batch that comes meanwhile waits. */
const keysPerTurn = 2000;
const keysAfter = db
  .prepare('SELECT rowid, scope, key FROM idempotency_keys WHERE rowid > ? ORDER BY rowid LIMIT ?')
  .raw();

/**
 * The bit map of every idempotency key the file holds (answer-keys.ts), built here so that the
 * server's thread does not read them all, and a few thousand keys per turn of this thread's
 * loop, so that the batches sent meanwhile commit in between instead of after millions of
 * keys. Its memory is moved to the server's thread, not copied. Keys committed while it is
 * built may be missed by it; the server's thread adds those itself.
 */
function mapKeys(id) {
  const bits = new Uint8Array(bitCount / 8);
  let after = Number.MIN_SAFE_INTEGER;
  const turn = () => {
    try {
      const rows = keysAfter.all(after, keysPerTurn);
      for (const [, scope, key] of rows) setBit(bits, keyBit(scope, key));
      if (rows.length === keysPerTurn) {
        after = rows[rows.length - 1][0];
        setImmediate(turn);
        return;
      }
      parentPort.postMessage({ id, ok: true, changes: 0, keys: bits }, [bits.buffer]);
    } catch (error) {
      parentPort.postMessage({ id, ok: false, message: error?.message ?? String(error) });
    }
  };
  turn();
}

parentPort.on('message', ({ id, statements, writes, mapKeys: map }) => {
  if (map) {
    mapKeys(id);
    return;
  }
  try {
    for (const [number, sql] of statements) texts[number] = sql;
    parentPort.postMessage({ id, ok: true, changes: commit.immediate(writes) });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: error?.message ?? String(error) });
  }
});
parentPort.on('close', () => db.close());
