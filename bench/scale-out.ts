// Durable usage debits per second over HTTP at 32 clients, side by side in one run: SQLite on
// one node, PostgreSQL on one node, PostgreSQL on two nodes (clients alternate between them),
// each on one hot account and spread over 100 accounts. Also PostgreSQL's own ceiling for the
// same guarded debit (a bare loop through the same client, one transaction per debit) and the
// ratio, and a bare Hono endpoint in a process of its own (SQLite's budget: ≥ 0.8× of it), then
// in two processes under the same load: what two processes on this one machine cost by
// themselves, the ceiling of "two nodes / one node" here. Beside the rates, the CPU each request
// cost the servers and the load generator (bench/support/cpu-time.ts), on Linux.
// Each budget's ratio compares two setups running at once and measured in turns, a slice of
// the load each (A B, B A, A B, …), so what else the machine does meanwhile falls on both
// alike. (PostgreSQL's bare loop runs alone: it is a reference, not a budget.)
// Budget: PostgreSQL ≥ 1,500/s on one node on one hot account, and two nodes no slower. The
// cluster is a throwaway one with fsync on, as a deployment runs.
// Run: npx tsx bench/scale-out.ts [requests] [rounds]
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { Agent } from 'node:http';
import type { Readable } from 'node:stream';
import postgres from 'postgres';
import { type Cluster, startCluster } from '../tests/support/postgres-cluster.ts';
import { createDatabase } from '../tests/support/postgres-database.ts';
import { createAccount, startServer, type TestServer } from '../tests/support/server.ts';
import { addCpu, type CpuTime, meterCpu, perRequest } from './support/cpu-time.ts';
import { postDebit } from './support/debit.ts';

const requests = Number(process.argv[2] ?? 4000);
const rounds = Number(process.argv[3] ?? 5);
const clients = 32;
const spreadAccounts = 100;
/**
 * Requests each node (or process) serves before it is measured, so that what is measured is its
 * steady state, not its JIT: a PostgreSQL node warmed with 1,000 spent 430–570 µs of CPU per
 * debit, with 4,000 260–320 µs, with 8,000 no less (scratch probe runs). A SQLite node and the
 * bare endpoint take longer: timed in blocks of 2,000 at 32 clients, SQLite ran 3,000/s after
 * 4,000 and 3,900/s after 8,000, and 4,800–5,400/s from 12,000 to 40,000; the bare endpoint
 * 5,300/s after 4,000, then 8,000–9,500/s (with dips to 6,000) to 40,000. A hot account's
 * warm-up goes to accounts of its own (`warmupPerAccount` each, well inside a Scale plan's
 * credits), so the measured account starts as fresh in every cell.
 */
const warmup = 16000;
const warmupPerAccount = 2000;
const budget = 1500;

interface Target {
  url: URL;
  token: string;
}

/** Where a setup's load goes: the members to post as, and the server processes answering. */
interface Side {
  targets: Target[];
  pids: number[];
}

interface Measured {
  perSecond: number;
  failed: number;
  /** µs of CPU per request (interleaved sides only, and only where /proc tells). */
  cpu: CpuTime | null;
}

/** `count` debits by `clients` workers; worker i posts to targets[i % n], round robin. */
async function load(targets: Target[], count: number, agent?: Agent): Promise<Measured> {
  const { ms, failed } = await timedLoad(targets, count, agent);
  return { perSecond: (count / ms) * 1000, failed, cpu: null };
}

/** `load`'s debits, with the milliseconds they took. */
async function timedLoad(targets: Target[], count: number, agent?: Agent) {
  const own = agent ?? new Agent({ keepAlive: true, maxSockets: clients * 2 });
  const post = (target: Target) => postDebit(own, target.url, target.token);
  let issued = 0;
  let failed = 0;
  const worker = async (first: number) => {
    let next = first;
    while (issued < count) {
      issued += 1;
      if ((await post(targets[next % targets.length]!)) !== 201) failed += 1;
      next += clients;
    }
  };
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: clients }, (_, i) => worker(i)));
  } finally {
    if (!agent) own.destroy();
  }
  return { ms: performance.now() - started, failed };
}

/** Slices each side's `count` debits is cut into, taken in turns. */
const slices = 8;

/**
 * `count` debits to each side, a slice at a time in turns, the order reversed every other turn
 * (A B, B A, …): a side is never measured while the machine does something the other escapes.
 */
async function interleaved(sides: Side[], count: number): Promise<Measured[]> {
  const agents = sides.map(() => new Agent({ keepAlive: true, maxSockets: clients * 2 }));
  const totals = sides.map(() => ({
    ms: 0,
    failed: 0,
    cpu: { loop: 0, others: 0, client: 0 } as CpuTime | null,
  }));
  try {
    for (let turn = 0; turn < slices; turn++) {
      // Slices that add up to `count` exactly.
      const slice = Math.floor(((turn + 1) * count) / slices) - Math.floor((turn * count) / slices);
      if (slice === 0) continue;
      const order = sides.map((_, i) => (turn % 2 ? sides.length - 1 - i : i));
      for (const i of order) {
        const spent = meterCpu(sides[i]!.pids);
        const { ms, failed } = await timedLoad(sides[i]!.targets, slice, agents[i]);
        const total = totals[i]!;
        total.ms += ms;
        total.failed += failed;
        total.cpu = addCpu(total.cpu, spent());
      }
    }
  } finally {
    for (const agent of agents) agent.destroy();
  }
  return totals.map(({ ms, failed, cpu }) => ({
    perSecond: (count / ms) * 1000,
    failed,
    cpu: perRequest(cpu, count),
  }));
}

/** Members to post as: `clients` members of one Scale account, or one member each of 100. */
async function targetsOn(nodes: TestServer[], shape: 'hot' | 'spread'): Promise<Target[]> {
  const tokens: string[] = [];
  if (shape === 'hot') {
    const { members } = await createAccount(nodes[0]!, {
      planId: 'scale',
      members: Array.from({ length: clients }, (_, i) => ({
        name: `C${i}`,
        role: 'member' as const,
      })),
    });
    tokens.push(...members.map((m) => m.token));
  } else {
    for (let i = 0; i < spreadAccounts; i++) {
      const { members } = await createAccount(nodes[0]!, {
        planId: 'scale',
        members: [{ name: `C${i}`, role: 'member' }],
      });
      tokens.push(members[0]!.token);
    }
  }
  // Consecutive requests of one worker alternate nodes when there are two.
  return tokens.map((token, i) => ({
    url: new URL('/v1/usage', nodes[i % nodes.length]!.url),
    token,
  }));
}

/** A setup under measurement: its processes, and how to warm them with `count` requests each. */
interface Warmable {
  warm(count: number): Promise<void>;
}

/**
 * Warms every side with `warmup` requests per process, a turn of `warmupPerAccount` each at a
 * time (A B A B …), right before the sides are measured. A process that sits idle while the
 * other side warms is measured colder: the bare endpoint, warmed first and then idle through
 * SQLite's warm-up, ran 5,155/s (median of 5 rounds, SQLite / bare 0.61–1.00); warmed in turns
 * with SQLite, 7,360/s (0.58–0.63).
 */
async function warmTogether(sides: Warmable[]): Promise<void> {
  for (let done = 0; done < warmup; done += warmupPerAccount) {
    for (const side of sides) await side.warm(warmupPerAccount);
  }
}

interface Ledger extends Warmable {
  nodes: TestServer[];
  pids: number[];
  stop(): Promise<void>;
}

/** A ledger on SQLite (null) or on PostgreSQL over `postgresNodes` nodes, started. */
async function startLedger(postgresNodes: number | null): Promise<Ledger> {
  const env = { TALLY_RATE_BURST: '1000000', TALLY_RATE_PER_SECOND: '1000000' };
  const first = await startServer({ postgres: postgresNodes !== null, env, checkAnswers: false });
  const nodes = [first];
  // The first node last (it drops the database), and every node even when one fails to stop.
  const stop = async () => {
    let failure: unknown = null;
    for (const node of [...nodes].reverse())
      await node.stop().catch((error) => (failure ??= error));
    if (failure !== null) throw failure;
  };
  try {
    for (let i = 1; i < (postgresNodes ?? 1); i++) {
      nodes.push(await startServer({ sameLedgerAs: first, env, checkAnswers: false }));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  // Each node compiles its own code: as many requests as one node has, on a fresh hot account.
  const warm = async (count: number) => {
    await load(await targetsOn(nodes, 'hot'), count * nodes.length);
  };
  return { nodes, pids: nodes.map((node) => node.process.pid ?? -1), warm, stop };
}

interface BareHono extends Warmable, Side {
  stop(): void;
}

/** A bare Hono POST endpoint (bench/support/hello-server.ts) in `processes`, started. */
async function startBareHono(processes: number): Promise<BareHono> {
  const children = Array.from({ length: processes }, () =>
    spawn(process.execPath, ['--import', 'tsx', 'bench/support/hello-server.ts'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const stop = () => {
    for (const child of children) child.kill('SIGTERM');
  };
  try {
    const urls = await Promise.all(children.map(listeningUrl));
    const targets = urls.map((url) => ({ url: new URL('/v1/usage', url), token: 'none' }));
    const warm = async (count: number) => {
      await load(targets, count * processes);
    };
    return { targets, pids: children.map((child) => child.pid ?? -1), warm, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

type Cells = Record<'hot' | 'spread', Measured>;

interface Round {
  hello: Measured;
  helloOnTwo: number;
  helloOnOne: number;
  sqlite: Cells;
  pgOne: Cells;
  pgTwo: Cells;
}

/** Runs `use` on what `starting` starts, and stops it whatever happens. */
async function whileRunning<T extends { stop(): unknown }, R>(
  starting: Promise<T>,
  use: (running: T) => Promise<R>,
): Promise<R> {
  const running = await starting;
  try {
    return await use(running);
  } finally {
    await running.stop();
  }
}

/**
 * One round: the bare endpoint against SQLite's hot account, the bare endpoint in one process
 * against two, and PostgreSQL's one node against its two, each pair running at once.
 */
function round(): Promise<Round> {
  return whileRunning(startBareHono(1), async (hello) => {
    const sqlite = await whileRunning(startLedger(null), async (ledger) => {
      const { nodes } = ledger;
      await warmTogether([hello, ledger]);
      const hot = await targetsOn(nodes, 'hot');
      const [bare, sqliteHot] = await interleaved(
        [hello, { targets: hot, pids: ledger.pids }],
        requests,
      );
      const spread = await load(await targetsOn(nodes, 'spread'), requests);
      return { bare: bare!, cells: { hot: sqliteHot!, spread } };
    });
    const [one, two] = await whileRunning(startBareHono(2), async (helloTwo) => {
      await warmTogether([hello, helloTwo]);
      return interleaved([hello, helloTwo], requests);
    });
    return {
      hello: sqlite.bare,
      helloOnOne: one!.perSecond,
      helloOnTwo: two!.perSecond,
      sqlite: sqlite.cells,
      ...(await postgresPair()),
    };
  });
}

/** PostgreSQL on one node and on two (over a database of their own), both running, in turns. */
function postgresPair(): Promise<Pick<Round, 'pgOne' | 'pgTwo'>> {
  return whileRunning(startLedger(1), (one) =>
    whileRunning(startLedger(2), async (two) => {
      await warmTogether([one, two]);
      const cells = {} as Record<'hot' | 'spread', Measured[]>;
      for (const shape of ['hot', 'spread'] as const) {
        const sides = [
          { targets: await targetsOn(one.nodes, shape), pids: one.pids },
          { targets: await targetsOn(two.nodes, shape), pids: two.pids },
        ];
        cells[shape] = await interleaved(sides, requests);
      }
      return {
        pgOne: { hot: cells.hot[0]!, spread: cells.spread[0]! },
        pgTwo: { hot: cells.hot[1]!, spread: cells.spread[1]! },
      };
    }),
  );
}

function listeningUrl(child: ChildProcessByStdio<null, Readable, null>): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /TALLY_LISTENING (\S+)/.exec(chunk.toString());
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`hello-server exited (${code})`)));
  });
}

/** The same guarded debit through the same client, nothing around it: lock, check, debit, append. */
async function bareLoop(): Promise<number> {
  const database = await createDatabase();
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  try {
    await sql`CREATE TABLE accounts (id text PRIMARY KEY, available numeric NOT NULL, version bigint NOT NULL)`;
    await sql`CREATE TABLE entries (seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      account_id text NOT NULL REFERENCES accounts(id), credits numeric NOT NULL, available_after numeric NOT NULL)`;
    await sql`INSERT INTO accounts VALUES ('a', 100000000, 1)`;
    const once = () =>
      sql.begin(async (tx) => {
        const [row] = await tx<{ available: string; enough: boolean }[]>`
          SELECT available, available >= 1.2 AS enough FROM accounts WHERE id = 'a' FOR NO KEY UPDATE`;
        if (!row?.enough) return;
        await tx`UPDATE accounts SET available = available - 1.2, version = version + 1 WHERE id = 'a'`;
        await tx`INSERT INTO entries (account_id, credits, available_after)
          VALUES ('a', -1.2, ${row.available} - 1.2)`;
      });
    for (let i = 0; i < warmup; i++) await once();
    const started = performance.now();
    for (let i = 0; i < requests; i++) await once();
    return (requests / (performance.now() - started)) * 1000;
  } finally {
    await sql.end();
    await database.drop();
  }
}

/** The middle value (the mean of the middle two for an even count). */
function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Each figure's median over the rounds; null when a round has none. */
function medianCpu(runs: (CpuTime | null)[]): CpuTime | null {
  const known = runs.filter((cpu) => cpu !== null);
  if (known.length < runs.length) return null;
  return {
    loop: median(known.map((cpu) => cpu.loop)),
    others: median(known.map((cpu) => cpu.others)),
    client: median(known.map((cpu) => cpu.client)),
  };
}

/** Each cell's median over the rounds, and how many of its debits failed in all. */
function medianCells(runs: Cells[]): Cells {
  const cell = (shape: 'hot' | 'spread') => ({
    perSecond: median(runs.map((run) => run[shape].perSecond)),
    failed: runs.reduce((n, run) => n + run[shape].failed, 0),
    cpu: medianCpu(runs.map((run) => run[shape].cpu)),
  });
  return { hot: cell('hot'), spread: cell('spread') };
}

let cluster: Cluster | undefined;
if (!process.env.TALLY_TEST_DATABASE_URL) {
  cluster = await startCluster({ durable: true });
  process.env.TALLY_TEST_DATABASE_URL = cluster.url;
}
try {
  // In rounds: on a shared machine a round can be off by a tenth or more either way; each ratio
  // is the median of its rounds' ratios, each cell the median of its rounds.
  const runs: Round[] = [];
  for (let i = 0; i < rounds; i++) runs.push(await round());
  const bare = await bareLoop();
  const hello = median(runs.map((run) => run.hello.perSecond));
  const helloCpu = medianCpu(runs.map((run) => run.hello.cpu));
  const sqlite = medianCells(runs.map((run) => run.sqlite));
  const pgOne = medianCells(runs.map((run) => run.pgOne));
  const pgTwo = medianCells(runs.map((run) => run.pgTwo));
  const sqliteRatios = runs.map((run) => run.sqlite.hot.perSecond / run.hello.perSecond);
  const helloRatios = runs.map((run) => run.helloOnTwo / run.helloOnOne);
  const twoToOneRatios = runs.map((run) => run.pgTwo.hot.perSecond / run.pgOne.hot.perSecond);
  const sqliteRatio = median(sqliteRatios);
  const helloTwoToOne = median(helloRatios);
  const twoToOne = median(twoToOneRatios);
  const rows: [string, Cells][] = [
    ['SQLite, one node', sqlite],
    ['PostgreSQL, one node', pgOne],
    ['PostgreSQL, two nodes', pgTwo],
  ];
  const cell = (m: Measured) =>
    `${m.perSecond.toFixed(0).padStart(6)}/s${m.failed ? ` (${m.failed} not 201)` : ''}`;
  console.log(
    `durable usage debits over HTTP, ${clients} clients, ${requests} per cell, median of ${rounds} rounds`,
  );
  console.log(
    `  ${'store'.padEnd(24)}${'one hot account'.padStart(18)}${'100 accounts'.padStart(18)}`,
  );
  for (const [name, m] of rows) {
    console.log(`  ${name.padEnd(24)}${cell(m.hot).padStart(18)}${cell(m.spread).padStart(18)}`);
  }
  const each = (values: number[]) => values.map((value) => value.toFixed(2)).join(', ');
  console.log(
    `  rounds: SQLite / bare Hono ${each(sqliteRatios)}; PostgreSQL two / one node ${each(twoToOneRatios)}`,
  );
  const ratio = pgOne.hot.perSecond / bare;
  const sqliteMet = sqliteRatio >= 0.8;
  console.log(
    `  bare Hono endpoint: ${hello.toFixed(0)}/s; SQLite one node (hot) / bare Hono: ${sqliteRatio.toFixed(2)} (budget ≥ 0.8: ${sqliteMet ? 'met' : 'MISSED'})`,
  );
  console.log(
    `  bare Hono in two processes / in one: ${helloTwoToOne.toFixed(2)} (rounds ${each(helloRatios)}): what splitting the same load over two processes costs on this machine, nothing of Tally's in it`,
  );
  console.log(`  PostgreSQL bare guarded debit, one transaction each: ${bare.toFixed(0)}/s`);
  console.log(`  ratio PostgreSQL one node (hot) / bare: ${ratio.toFixed(2)}`);
  const met = pgOne.hot.perSecond >= budget && twoToOne >= 0.95;
  console.log(
    `  PostgreSQL two nodes / one node (hot): ${twoToOne.toFixed(2)}; budget: ≥ ${budget}/s on one node, hot account, and two nodes no slower: ${met ? 'met' : 'MISSED'}`,
  );
  const cpuRows: [string, CpuTime | null][] = [
    ['bare Hono', helloCpu],
    ...rows.map(([name, m]): [string, CpuTime | null] => [`${name} (hot)`, m.hot.cpu]),
  ];
  if (cpuRows.every(([, cpu]) => cpu !== null)) {
    const us = (value: number) => value.toFixed(0).padStart(5);
    console.log(
      "  CPU per request, µs (median): the servers' event loops + their other threads; the load generator",
    );
    for (const [name, cpu] of cpuRows) {
      if (cpu)
        console.log(`    ${name.padEnd(30)}${us(cpu.loop)} +${us(cpu.others)};${us(cpu.client)}`);
    }
  }
  const rounded = (cpu: CpuTime | null) =>
    cpu && {
      loop: Math.round(cpu.loop),
      others: Math.round(cpu.others),
      client: Math.round(cpu.client),
    };
  const failed = rows.reduce((n, [, m]) => n + m.hot.failed + m.spread.failed, 0);
  console.log(
    JSON.stringify({
      bench: 'scale-out',
      requests,
      clients,
      rounds,
      sqliteHot: Math.round(sqlite.hot.perSecond),
      sqliteSpread: Math.round(sqlite.spread.perSecond),
      postgresOneHot: Math.round(pgOne.hot.perSecond),
      postgresOneSpread: Math.round(pgOne.spread.perSecond),
      postgresTwoHot: Math.round(pgTwo.hot.perSecond),
      postgresTwoSpread: Math.round(pgTwo.spread.perSecond),
      postgresBare: Math.round(bare),
      bareHono: Math.round(hello),
      sqliteRatio: Number(sqliteRatio.toFixed(2)),
      twoToOne: Number(twoToOne.toFixed(2)),
      bareHonoTwoToOne: Number(helloTwoToOne.toFixed(2)),
      ratio: Number(ratio.toFixed(2)),
      cpuPerRequestUs: {
        bareHono: rounded(helloCpu),
        sqliteHot: rounded(sqlite.hot.cpu),
        postgresOneHot: rounded(pgOne.hot.cpu),
        postgresTwoHot: rounded(pgTwo.hot.cpu),
      },
      failed,
      sqliteMet,
      met,
    }),
  );
  if (failed > 0) process.exitCode = 1;
} finally {
  cluster?.stop();
}
