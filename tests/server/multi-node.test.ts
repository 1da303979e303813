// Two server nodes over one PostgreSQL database: what only several nodes could get wrong.
// Each test splits its requests between node A and node B.
import postgres from 'postgres';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkLedger } from '../../lib/billing/index.ts';
import { openStore } from '../../server/db/open-store.ts';
import { createAccount, startServer, type TestServer } from '../support/server.ts';
import { until } from '../support/until.ts';
import { accountWith100 } from './accounts.ts';
import { openStream, type PushedSnapshot } from './event-stream.ts';
import { allCharges, allEntries, type Client, client, clock } from './http.ts';

let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  a = await startServer({ devClock: true });
  b = await startServer({ devClock: true, sameLedgerAs: a });
}, 60_000);
afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

/** The same member on both nodes. */
function onBoth(token: string): [Client, Client] {
  return [client(a, token), client(b, token)];
}

test('200 racing Smart Crops on 100 credits, split across two nodes: exactly 76 succeed, 1.2 left', async () => {
  const { token } = await accountWith100(a);
  const nodes = onBoth(token);
  const answers = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      nodes[i % 2]!.post('/v1/usage', { operation: 'smart-crop', quantity: 1, overage: 'deny' }),
    ),
  );
  const statuses = answers.map((answer) => answer.status);
  expect(statuses.filter((s) => s === 201)).toHaveLength(76);
  expect(statuses.filter((s) => s === 402)).toHaveLength(124);
  for (const node of nodes) expect((await node.get('/v1/me')).body.credits.available).toBe('1.2');
}, 90_000);

test('50 replays of one key split across two nodes make one entry', async () => {
  const { members } = await createAccount(a, {
    planId: 'growth',
    members: [{ name: 'Milo', role: 'member' }],
  });
  const nodes = onBoth(members[0]!.token);
  const body = { operation: 'smart-crop', quantity: 2 };
  const answers = await Promise.all(
    Array.from({ length: 50 }, (_, i) => nodes[i % 2]!.post('/v1/usage', body, 'split-key')),
  );
  const created = answers.filter((answer) => answer.status === 201);
  expect(answers.every((answer) => answer.status === 201 || answer.status === 409)).toBe(true);
  expect(new Set(created.map((answer) => answer.body.entry.id)).size).toBe(1);
  const usage = (await allEntries(nodes[1])).filter((entry) => entry.kind === 'usage');
  expect(usage).toHaveLength(1);
});

test('usage through node A reaches a stream on node B within 1 s', async () => {
  const { members } = await createAccount(a, {
    planId: 'growth',
    members: [
      { name: 'Ada', role: 'admin' },
      { name: 'Milo', role: 'member' },
    ],
  });
  const stream = await openStream(b, members[1]!.token);
  const first = (await stream.next(() => true)) as { version: number };
  const used = await client(a, members[0]!.token).post('/v1/usage', {
    operation: 'lifestyle-crop',
    quantity: 10,
  });
  expect(used.status).toBe(201);
  const pushed = (await stream.next((s) => s.version > first.version, 1000)) as PushedSnapshot;
  expect(pushed.version).toBe(used.body.snapshot.version);
  expect(pushed.member.name).toBe('Milo');
  expect(pushed.credits.available).toBe('4529');
  stream.close();
});

test('an alert fired through node A reaches a stream on node B, after the Snapshot that holds it', async () => {
  const { token } = await accountWith100(a);
  const stream = await openStream(b, token);
  try {
    await stream.next(() => true);
    // 100 of 4,570 left is past 5 % already fired; 77 Smart Crops with overage exhaust it.
    const used = await client(a, token).post('/v1/usage', {
      operation: 'smart-crop',
      quantity: 77,
      overage: 'accept',
    });
    expect(used.status).toBe(201);
    const alert = await stream.nextOf<{ threshold: unknown }>('alert', () => true, 1000);
    expect(alert).toEqual({ threshold: 'exhausted', at: used.body.entry.at, available: '0' });
    const kinds = stream.events.map((event) => event.event);
    const version = String(used.body.snapshot.version);
    const holder = stream.events.findIndex((event) => event.id === version);
    expect(holder).toBeGreaterThanOrEqual(0);
    expect(kinds.indexOf('alert')).toBeGreaterThan(holder);
  } finally {
    stream.close();
  }
});

/** One worker per caller posts usage until `stop()`; what was answered 201 is counted. */
function loadThrough(callers: Client[]) {
  let stopped = false;
  let confirmed = 0;
  const workers = callers.map(async (caller) => {
    while (!stopped) {
      try {
        const answer = await caller.post('/v1/usage', { operation: 'smart-crop', quantity: 1 });
        if (answer.status === 201) confirmed += 1;
      } catch {
        // Cut off by a kill: no answer, so nothing was promised.
      }
    }
  });
  return {
    confirmed: () => confirmed,
    stop: async () => {
      stopped = true;
      await Promise.all(workers);
    },
  };
}

/** The account's version as committed, read from the database itself. */
async function committedVersion(accountId: string): Promise<number> {
  const sql = postgres(b.databaseUrl ?? '', { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ version: string }[]>`
      SELECT version FROM accounts WHERE id = ${accountId}`;
    return Number(row?.version);
  } finally {
    await sql.end();
  }
}

test('a node killed mid-load: what it committed reaches streams on the other node within 1 s', async () => {
  // Eight accounts, each busy through node A and watched on node B: the kill lands right after
  // some account's last commit.
  const accounts = await Promise.all(
    Array.from({ length: 8 }, () =>
      createAccount(a, {
        planId: 'scale',
        members: [
          { name: 'Ada', role: 'admin' },
          { name: 'Milo', role: 'member' },
        ],
      }),
    ),
  );
  const streams = await Promise.all(
    accounts.map(({ members }) => openStream(b, members[1]!.token)),
  );
  const load = loadThrough(accounts.map(({ members }) => client(a, members[0]!.token)));
  await expect.poll(load.confirmed, { timeout: 20_000 }).toBeGreaterThanOrEqual(100);
  await a.kill();
  await load.stop();
  const last = await Promise.all(accounts.map(({ account }) => committedVersion(account.id)));
  const reached = await Promise.all(
    streams.map((stream, i) => stream.next((s) => s.version === last[i], 1000)),
  );
  expect(reached.map((snapshot) => (snapshot as { version: number }).version)).toEqual(last);
  for (const stream of streams) stream.close();
  await a.restart();
}, 60_000);

test('a node whose LISTEN connection was cut while the database refused it catches up once back', async () => {
  const { members } = await createAccount(a, {
    planId: 'growth',
    members: [
      { name: 'Ada', role: 'admin' },
      { name: 'Milo', role: 'member' },
    ],
  });
  const ada = client(a, members[0]!.token);
  const stream = await openStream(b, members[1]!.token);
  await stream.next(() => true);
  // Node A holds an open connection from here on: it keeps committing while no new one is let in.
  expect((await ada.post('/v1/usage', { operation: 'smart-crop', quantity: 1 })).status).toBe(201);
  // From the cluster's own database: a database cannot refuse connections to itself.
  const admin = postgres(process.env.TALLY_TEST_DATABASE_URL ?? '', {
    max: 1,
    onnotice: () => {},
  });
  const database = new URL(b.databaseUrl ?? '').pathname.slice(1);
  const listeners = async () =>
    (
      await admin`SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = ${database} AND query ILIKE 'LISTEN%'`
    )[0]?.n;
  try {
    await admin`ALTER DATABASE ${admin(database)} ALLOW_CONNECTIONS false`;
    await admin`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = ${database} AND query ILIKE 'LISTEN%'`;
    await expect.poll(listeners, { timeout: 5000 }).toBe(0);
    const used = await ada.post('/v1/usage', { operation: 'lifestyle-crop', quantity: 10 });
    expect(used.status).toBe(201);
    const version = used.body.snapshot.version as number;
    await admin`ALTER DATABASE ${admin(database)} ALLOW_CONNECTIONS true`;
    await expect(stream.next((s) => s.version === version, 5000)).resolves.toMatchObject({
      version,
    });
  } finally {
    await admin`ALTER DATABASE ${admin(database)} ALLOW_CONNECTIONS true`;
    await admin.end();
    stream.close();
  }
}, 30_000);

test('an admin added through node A is named by node B within 1 s', async () => {
  const { account, members } = await createAccount(a, {
    planId: 'growth',
    members: [
      { name: 'Ada', role: 'admin' },
      { name: 'Milo', role: 'member' },
    ],
  });
  const milo = client(b, members[1]!.token);
  const admins = async () =>
    (await milo.get('/v1/me')).body.account.admins.map((x: { name: string }) => x.name);
  expect(await admins()).toEqual(['Ada']);
  const added = await fetch(`${a.url}/v1/accounts/${account.id}/members`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${a.operatorKey}`,
      'content-type': 'application/json',
      'idempotency-key': `bea-${account.id}`,
    },
    body: JSON.stringify({ name: 'Bea', role: 'admin' }),
  });
  expect(added.status).toBe(201);
  await expect.poll(admins, { timeout: 1000 }).toEqual(['Ada', 'Bea']);
});

test('an account three months stale, read by both nodes at once: three renewals, once', async () => {
  for (const node of [a, b]) await clock(node, { now: '2027-01-31T10:00:00.000Z' });
  const { members } = await createAccount(a, {
    planId: 'starter',
    startAt: '2027-01-31T10:00:00.000Z',
    members: [{ name: 'Ada', role: 'admin' }],
  });
  const nodes = onBoth(members[0]!.token);
  for (const node of [a, b]) await clock(node, { now: '2027-05-01T00:00:00.000Z' });
  const reads = await Promise.all(
    Array.from({ length: 10 }, (_, i) => nodes[i % 2]!.get('/v1/me')),
  );
  expect(reads.map((read) => read.status)).toEqual(Array(10).fill(200));
  expect(new Set(reads.map((read) => read.body.version)).size).toBe(1);
  const charges = await allCharges(nodes[0]);
  expect(charges.map((charge) => charge.at)).toEqual([
    '2027-01-31T10:00:00.000Z',
    '2027-02-28T10:00:00.000Z',
    '2027-03-31T10:00:00.000Z',
    '2027-04-30T10:00:00.000Z',
  ]);
  const grants = (await allEntries(nodes[1])).filter((entry) => entry.kind === 'grant');
  expect(grants.map((entry) => entry.at)).toEqual(charges.map((charge) => charge.at));
});

test('SIGKILL of one node mid-load: every 201 is in the ledger, the other node answers on', async () => {
  const { accountId, token } = await (async () => {
    const { account, members } = await createAccount(a, {
      planId: 'scale',
      members: [{ name: 'Ada', role: 'admin' }],
    });
    return { accountId: account.id, token: members[0]!.token };
  })();
  const nodes = onBoth(token);
  const confirmed = new Map<string, string>(); // key → entry id
  let next = 0;
  let stop = false;
  const worker = (node: Client) => async () => {
    while (!stop) {
      const key = `kill-${next++}`;
      try {
        const answer = await node.post('/v1/usage', { operation: 'smart-crop', quantity: 1 }, key);
        if (answer.status === 201) confirmed.set(key, answer.body.entry.id);
      } catch {
        // Cut off by the kill: no answer, so nothing was promised.
      }
    }
  };
  const workers = [...Array(4).fill(worker(nodes[0])), ...Array(4).fill(worker(nodes[1]))].map(
    (run: () => Promise<void>) => run(),
  );
  await until(() => confirmed.size >= 60, 30_000);
  await a.kill();
  const atKill = confirmed.size;
  // Node B keeps answering while A is gone.
  await until(() => confirmed.size >= atKill + 40, 30_000);
  stop = true;
  await Promise.all(workers);

  const entries = await allEntries(nodes[1]);
  const ids = new Set(entries.map((entry) => entry.id));
  for (const id of confirmed.values()) expect(ids.has(id)).toBe(true);
  const { store } = await openStore(b.databaseUrl, b.dbPath);
  const state = await store.loadAccount(accountId);
  await store.close();
  if (!state) throw new Error(`No account ${accountId}`);
  const charges = await allCharges(nodes[1]);
  expect(() => checkLedger(entries, state, charges)).not.toThrow();
  await a.restart();
  expect((await nodes[0].get('/v1/me')).body.version).toBe(state.version);
}, 90_000);
