// The database cuts a node's connections (a failover, a restart, a proxy that drops them): the
// node lives on and answers on, a transaction cut before its COMMIT runs again, and every debit
// the node acknowledged is in the ledger.
import postgres from 'postgres';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkLedger } from '../../lib/billing/index.ts';
import { systemClock } from '../../server/clock.ts';
import { openStore } from '../../server/db/open-store.ts';
import { operatorScope } from '../../server/ledger/ledger.ts';
import { type LedgerNode, openLedgerNode, scaleAccount } from '../support/postgres-node.ts';
import { createAccount, startServer, type TestServer } from '../support/server.ts';
import { signal } from '../support/signal.ts';
import { until } from '../support/until.ts';
import { allCharges, allEntries, client } from './http.ts';

let server: TestServer;
let node: LedgerNode;
beforeAll(async () => {
  [server, node] = await Promise.all([startServer({ postgres: true }), openLedgerNode(4)]);
}, 60_000);
afterAll(() => Promise.all([server?.stop(), node?.close()]));

/** Ends the sessions of a database whose `column` (of pg_stat_activity) is `value`; how many. */
async function endSessions(
  database: string,
  column: 'state' | 'application_name',
  value: string,
): Promise<number> {
  const admin = postgres(process.env.TALLY_TEST_DATABASE_URL ?? '', { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin<{ n: number }[]>`
      SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
      WHERE datname = ${database} AND ${admin(column)} = ${value}`;
    return row?.n ?? 0;
  } finally {
    await admin.end();
  }
}

test('a reserved connection the database ended fails its queries; the pool serves on', async () => {
  const sql = postgres(node.database.url, { max: 1, onnotice: () => {} });
  try {
    const reserved = await sql.reserve();
    const [session] = await reserved<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
    await node.otherNode`SELECT pg_terminate_backend(${session?.pid ?? 0})`;
    // Once to see the end, once more on the ended connection: both fail, neither kills us.
    await expect(reserved`SELECT 1`).rejects.toThrow();
    await expect(reserved`SELECT 1`).rejects.toHaveProperty('code', 'CONNECTION_CLOSED');
    reserved.release();
    // The pool opens a new connection, and nothing of the ended session reaches it.
    const [row] = await sql<{ one: number }[]>`SELECT 1 AS one`;
    expect(row?.one).toBe(1);
  } finally {
    await sql.end();
  }
});

test('a transaction whose connection is cut before its COMMIT runs again, and commits once', async () => {
  const { ledger } = node;
  const cut = signal();
  let runs = 0;
  const opened = ledger.atomically(operatorScope, async (tx) => {
    runs += 1;
    const state = await tx.openAccount({
      name: 'Cut',
      planId: 'scale',
      startAt: systemClock.now().toISOString(),
    });
    // The first time, the transaction waits here (idle in transaction) until it is cut.
    if (runs === 1) await cut.done;
    // A read through the transaction's connection: the first time, it finds it cut.
    return { accountId: state.id, members: await tx.members(state.id) };
  });
  const database = new URL(node.database.url).pathname.slice(1);
  await expect
    .poll(() => endSessions(database, 'state', 'idle in transaction'), { timeout: 5_000 })
    .toBe(1);
  cut.fire();
  const { accountId } = await opened;
  expect(runs).toBe(2);
  const [row] = await node.otherNode<{ n: number }[]>`
    SELECT count(*)::int AS n FROM accounts WHERE name = 'Cut'`;
  expect(row?.n).toBe(1);
  expect(await ledger.settled(accountId)).toMatchObject({ id: accountId });
});

test('a node stalled in a transaction lets go of its account, and its work runs again when it wakes', async () => {
  // PostgreSQL ends a session of this node left idle in a transaction for 300 ms.
  const stalling = await openLedgerNode(2, { idleMs: 300 });
  try {
    const { accountId, memberId } = await scaleAccount(stalling.ledger, 'Stalls');
    const paused = signal();
    const wake = signal();
    let runs = 0;
    const debit = stalling.ledger.atomically(accountId, async (tx) => {
      runs += 1;
      const outcome = await tx.apply(accountId, {
        kind: 'usage',
        memberId,
        operation: 'smart-crop',
        quantity: 1,
        overage: 'deny',
      });
      if (runs === 1) {
        paused.fire();
        await wake.done;
      }
      await tx.members(accountId);
      return outcome;
    });
    await paused.done;
    // Another node's change of the account waits for the stalled one's lock: not for ever.
    await stalling.otherNode`UPDATE accounts SET name = 'Changed meanwhile' WHERE id = ${accountId}`;
    wake.fire();
    expect((await debit).applied.ok).toBe(true);
    expect(runs).toBe(2);
    const [row] = await stalling.otherNode<{ name: string; debits: number }[]>`
      SELECT name, (SELECT count(*)::int FROM entries
        WHERE account_id = ${accountId} AND kind = 'usage') AS debits
      FROM accounts WHERE id = ${accountId}`;
    expect(row).toEqual({ name: 'Changed meanwhile', debits: 1 });
  } finally {
    await stalling.close();
  }
});

test.each([
  ['committed', 'the connection is cut', 1],
  ['rolled back', 'the session is ended', 2],
] as const)(
  'a transaction that %s after its COMMIT went out, when %s, answers as it ended',
  async (_, __, runs) => {
    const lossy = await openLedgerNode(2, { throughProxy: true });
    try {
      const { ledger, otherNode } = lossy;
      const { accountId, memberId } = await scaleAccount(ledger, 'Lossy');
      // From here each COMMIT that writes an entry takes 300 ms: time to lose its connection.
      await otherNode.unsafe(`
      CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql
        AS $$ BEGIN PERFORM pg_sleep(0.3); RETURN NULL; END $$;
      CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON entries
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION slow_commit();`);
      let ran = 0;
      const debit = ledger.atomically(accountId, (tx) => {
        ran += 1;
        return tx.apply(accountId, {
          kind: 'usage',
          memberId,
          operation: 'smart-crop',
          quantity: 1,
          overage: 'deny',
        });
      });
      const committing = async () =>
        (
          await otherNode<{ pid: number }[]>`
          SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND state = 'active' AND query = 'COMMIT'`
        )[0]?.pid;
      let pid: number | undefined;
      await expect
        .poll(async () => {
          pid = await committing();
          return pid;
        })
        .toBeDefined();
      if (runs === 1) lossy.proxy?.cut();
      else await otherNode`SELECT pg_terminate_backend(${pid ?? 0})`;
      expect((await debit).applied.ok).toBe(true);
      expect(ran).toBe(runs);
      const [row] = await otherNode<{ n: number }[]>`
      SELECT count(*)::int AS n FROM entries WHERE account_id = ${accountId} AND kind = 'usage'`;
      expect(row?.n).toBe(1);
    } finally {
      await lossy.close();
    }
  },
);

test('connections cut again and again under load: no client sees it, writing or reading, and every 201 is in the ledger', async () => {
  const { account, members } = await createAccount(server, {
    planId: 'scale',
    members: [{ name: 'Ada', role: 'admin' }],
  });
  const api = client(server, members[0]!.token);
  const database = new URL(server.databaseUrl ?? '').pathname.slice(1);
  const confirmed = new Map<string, string>(); // key → entry id
  const refused: number[] = [];
  let next = 0;
  let stop = false;
  const worker = async () => {
    while (!stop) {
      const key = `cut-${next++}`;
      const answer = await api.post('/v1/usage', { operation: 'smart-crop', quantity: 1 }, key);
      if (answer.status === 201) confirmed.set(key, answer.body.entry.id);
      else refused.push(answer.status);
    }
  };
  // Readers meanwhile: the ledger's newest page, and the ledger read outside any transaction.
  const failedReads: number[] = [];
  const reader = async () => {
    while (!stop) {
      const answer = await api.get('/v1/ledger?limit=5');
      if (answer.status !== 200) failedReads.push(answer.status);
    }
  };
  const workers = [...Array.from({ length: 8 }, worker), reader(), reader()];
  try {
    for (let cut = 1; cut <= 5; cut++) {
      const before = confirmed.size;
      await until(() => confirmed.size >= before + 30, 20_000);
      await endSessions(database, 'application_name', 'tally');
    }
    const atLastCut = confirmed.size;
    await until(() => confirmed.size >= atLastCut + 30, 20_000);
  } finally {
    stop = true;
    await Promise.all(workers);
  }
  // A transaction cut before its COMMIT ran again; one cut after it was looked up.
  expect(refused).toEqual([]);
  expect(failedReads).toEqual([]);
  expect(server.output()).not.toMatch(/TypeError|uncaught/i);
  const entries = await allEntries(api);
  const ids = new Set(entries.map((entry) => entry.id));
  for (const id of confirmed.values()) expect(ids.has(id)).toBe(true);
  const { store } = await openStore(server.databaseUrl, server.dbPath);
  const state = await store.loadAccount(account.id);
  await store.close();
  if (!state) throw new Error(`No account ${account.id}`);
  const charges = await allCharges(api);
  expect(() => checkLedger(entries, state, charges)).not.toThrow();
}, 120_000);
