// The real billing server (server/main.ts) as a child process on a temp SQLite file, or with
// TALLY_TEST_STORE=postgres on a new database of the test cluster, for tests in any area. Usage:
//
//   const server = await startServer({ devClock: true });
//   const { account, members } = await createAccount(server, {
//     planId: 'growth',
//     members: [{ name: 'Ada', role: 'admin' }],
//   });
//   await fetch(`${server.url}/v1/me`, { headers: { authorization: `Bearer ${members[0].token}` } });
//   await server.stop();            // SIGTERM, then removes the temp folder it made
//
// `server.demo` holds the seeded "Studio North" account (Ada admin, Milo member) with tokens.
// `kill()` is SIGKILL (crash tests); `restart()` starts again on the same port and file.
// A second node on the same ledger: startServer({ sameLedgerAs: first }).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAnswersOf, stopCheckingAnswersOf } from './contract.ts';
import { createDatabase, testStoreIsPostgres } from './postgres-database.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface DemoMember {
  id: string;
  name: string;
  token: string;
}

export interface StartOptions {
  /** TALLY_DEV_CLOCK=1: POST /v1/dev/clock moves the server's clock. */
  devClock?: boolean;
  /** A SQLite file to use (kept on stop); default: a new temp file (removed on stop). */
  dbPath?: string;
  /** Another node over the same database (PostgreSQL), operator key and demo tokens. */
  sameLedgerAs?: TestServer;
  /** PostgreSQL (a new database at TALLY_TEST_DATABASE_URL) or SQLite; default: TALLY_TEST_STORE. */
  postgres?: boolean;
  /** A fixed port; default 0 (the system picks a free one). */
  port?: number;
  /**
   * TALLY_CHECK_ANSWERS: the server checks each answer against its schema (default true); a
   * benchmark turns it off to measure what production runs.
   */
  checkAnswers?: boolean;
  /** More environment for the server (TALLY_RATE_BURST, TALLY_CORS_ORIGINS, …). */
  env?: Record<string, string>;
}

export interface TestServer {
  /** http://127.0.0.1:PORT (no trailing slash). */
  url: string;
  origin: string;
  port: number;
  /** The SQLite file, or with PostgreSQL the file beside which demo-tokens.json is kept. */
  dbPath: string;
  /** TALLY_DATABASE_URL of this node (PostgreSQL only). */
  databaseUrl: string | undefined;
  operatorKey: string;
  demo: { accountId: string; ada: DemoMember; milo: DemoMember };
  process: ChildProcess;
  /** What the server printed so far (stdout and stderr), for failure messages. */
  output(): string;
  /** SIGTERM and wait for a clean exit; removes the temp folder when the harness made it. */
  stop(): Promise<void>;
  /** SIGKILL and wait: the files stay for a restart. */
  kill(): Promise<void>;
  /** Start again on the same port and database file (after stop or kill, or while running). */
  restart(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function launch(
  env: Record<string, string>,
  log: string[],
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return new Promise((resolvePromise, reject) => {
    let buffered = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not start within 30 s:\n${log.join('')}`));
    }, 30_000);
    child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      log.push(text);
      buffered += text;
      const match = /^TALLY_LISTENING (\S+)$/m.exec(buffered);
      if (match?.[1]) {
        clearTimeout(timer);
        buffered = '';
        resolvePromise({ child, url: match[1] });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code ?? signal}) before listening:\n${log.join('')}`));
    });
  });
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const peer = options.sameLedgerAs;
  const ownsFolder = options.dbPath === undefined && peer === undefined;
  const dbPath =
    options.dbPath ??
    peer?.dbPath ??
    join(mkdtempSync(join(tmpdir(), 'tally-server-')), 'tally.sqlite');
  const usePostgres = options.postgres ?? testStoreIsPostgres();
  const database = peer === undefined && usePostgres ? await createDatabase() : undefined;
  const databaseUrl = peer?.databaseUrl ?? database?.url;
  const operatorKey = peer?.operatorKey ?? `tly_op_test_${randomBytes(12).toString('base64url')}`;
  const log: string[] = [];
  const env: Record<string, string> = {
    HOST: '127.0.0.1',
    PORT: String(options.port ?? 0),
    TALLY_DB: dbPath,
    TALLY_OPERATOR_KEY: operatorKey,
    ...(databaseUrl ? { TALLY_DATABASE_URL: databaseUrl } : {}),
    ...(options.devClock ? { TALLY_DEV_CLOCK: '1' } : {}),
    // The server checks each answer against its schema too, in the change's transaction.
    TALLY_CHECK_ANSWERS: options.checkAnswers === false ? '0' : '1',
    ...options.env,
  };
  let { child, url } = await launch(env, log);
  const port = Number(new URL(url).port);
  // Every answer of this server is checked against the OpenAPI document (contract-setup.ts).
  checkAnswersOf(port);
  const demoPath = join(dirname(dbPath), 'demo-tokens.json');
  if (!existsSync(demoPath)) {
    child.kill('SIGKILL');
    throw new Error(`No ${demoPath}: the server seeds the demo only into an empty database`);
  }
  const demoFile = JSON.parse(readFileSync(demoPath, 'utf8'));

  const server: TestServer = {
    url,
    origin: url,
    port,
    dbPath,
    databaseUrl,
    operatorKey,
    demo: {
      accountId: demoFile.accountId,
      ada: demoFile.members.ada,
      milo: demoFile.members.milo,
    },
    process: child,
    output: () => log.join(''),
    async stop() {
      stopCheckingAnswersOf(port);
      child.kill('SIGTERM');
      await waitForExit(child);
      await database?.drop();
      if (ownsFolder && existsSync(dirname(dbPath))) {
        rmSync(dirname(dbPath), { recursive: true, force: true });
      }
    },
    async kill() {
      stopCheckingAnswersOf(port);
      child.kill('SIGKILL');
      await waitForExit(child);
    },
    async restart() {
      child.kill('SIGTERM');
      await waitForExit(child);
      ({ child, url } = await launch({ ...env, PORT: String(port) }, log));
      checkAnswersOf(port);
      server.process = child;
    },
  };
  return server;
}

export interface NewMember {
  name: string;
  role: 'admin' | 'member';
}

export interface CreatedAccount {
  account: { id: string; name: string; planId: string };
  members: { member: { id: string; name: string; role: 'admin' | 'member' }; token: string }[];
}

/** Opens an account and its members through the operator endpoints; returns their tokens. */
export async function createAccount(
  server: Pick<TestServer, 'url' | 'operatorKey'>,
  options: { name?: string; planId: string; startAt?: string; members: NewMember[] },
): Promise<CreatedAccount> {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${server.operatorKey}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(body),
    });
    const json = await response.json();
    if (response.status !== 201) {
      throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(json)}`);
    }
    return json;
  };
  const { account } = await post('/v1/accounts', {
    name: options.name ?? `Test account ${randomUUID().slice(0, 8)}`,
    planId: options.planId,
    ...(options.startAt ? { startAt: options.startAt } : {}),
  });
  const members = [];
  for (const member of options.members) {
    members.push(await post(`/v1/accounts/${account.id}/members`, member));
  }
  return { account, members };
}
