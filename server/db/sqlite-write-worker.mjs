// The ledger's SQLite writer thread: commits each batch of writes it is sent in one
// BEGIN IMMEDIATE transaction, so the COMMIT's fsync blocks this thread and never the server's
// event loop. Plain JavaScript, so it starts without the TypeScript loader. Batches come one at
// a time: the group commit waits for each reply before it reads for the next.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.path);
// The same durability as the reading connection (server/db/open.ts): every commit is fsynced.
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
db.pragma('foreign_keys = ON');

const prepared = new Map();
const statement = (sql) => {
  let found = prepared.get(sql);
  if (!found) {
    found = db.prepare(sql);
    prepared.set(sql, found);
  }
  return found;
};

const commit = db.transaction((writes) => {
  for (const { sql, params, expectOne } of writes) {
    const { changes } = statement(sql).run(...params);
    if (expectOne && changes !== 1) throw new Error(expectOne);
  }
});

parentPort.on('message', ({ id, writes }) => {
  try {
    commit.immediate(writes);
    parentPort.postMessage({ id, ok: true });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: error?.message ?? String(error) });
  }
});
parentPort.on('close', () => db.close());
