// Durable usage debits per second: through HTTP (64 concurrent clients on loopback against the
// real server process, synchronous=FULL) and, in the same run, a bare better-sqlite3 loop doing
// the same guarded debit, one transaction per debit. Budget (docs/architecture.md): ≥ 1,000/s over
// HTTP on 2 cores. Run: npx tsx bench/ledger.ts [requests]
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createAccount, startServer } from '../tests/support/server.ts';
import { postDebit } from './support/debit.ts';

const requests = Number(process.argv[2] ?? 5000);
const clients = 64;
const warmup = 256;

async function overHttp(): Promise<{ perSecond: number; ms: number; failed: number }> {
  // As production runs: answers are not checked against their schemas on the way out.
  const server = await startServer({ checkAnswers: false });
  try {
    // One account (every debit contends for the same row) on Scale: 10,000 credits cover
    // 5,000 Smart Crops at 1.2. One member per client, each with its own token.
    const { members } = await createAccount(server, {
      planId: 'scale',
      members: Array.from({ length: clients }, (_, i) => ({
        name: `Client ${i}`,
        role: 'member' as const,
      })),
    });
    const agent = new Agent({ keepAlive: true, maxSockets: clients });
    const target = new URL('/v1/usage', server.url);
    const post = (token: string) => postDebit(agent, target, token);
    let issued = 0;
    let failed = 0;
    const run = async (token: string, limit: number) => {
      while (issued < limit) {
        issued += 1;
        if ((await post(token)) !== 201) failed += 1;
      }
    };
    await Promise.all(members.map((m) => run(m.token, warmup)));
    issued = 0;
    failed = 0;
    const started = performance.now();
    await Promise.all(members.map((m) => run(m.token, requests)));
    const ms = performance.now() - started;
    agent.destroy();
    return { perSecond: (issued / ms) * 1000, ms, failed };
  } finally {
    await server.stop();
  }
}

/** The same guarded debit with nothing around it: read the balance, debit if covered, append an entry. */
function bareLoop(): { perSecond: number; ms: number } {
  const dir = mkdtempSync(join(tmpdir(), 'tally-bench-'));
  try {
    const db = new Database(join(dir, 'bare.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(`CREATE TABLE accounts (id TEXT PRIMARY KEY, available_milli INTEGER NOT NULL, version INTEGER NOT NULL);
             CREATE TABLE entries (seq INTEGER PRIMARY KEY, account_id TEXT, credits_milli INTEGER, available_after INTEGER);
             INSERT INTO accounts VALUES ('a', 10000000, 1);`);
    const read = db.prepare<[], { available_milli: number }>(
      "SELECT available_milli FROM accounts WHERE id = 'a'",
    );
    const debit = db.prepare(
      "UPDATE accounts SET available_milli = ?, version = version + 1 WHERE id = 'a'",
    );
    const entry = db.prepare(
      "INSERT INTO entries (account_id, credits_milli, available_after) VALUES ('a', -1200, ?)",
    );
    const once = db.transaction(() => {
      const available = read.get()!.available_milli;
      if (available < 1200) return false;
      debit.run(available - 1200);
      entry.run(available - 1200);
      return true;
    });
    for (let i = 0; i < warmup; i++) once.immediate();
    const started = performance.now();
    for (let i = 0; i < requests; i++) once.immediate();
    const ms = performance.now() - started;
    db.close();
    return { perSecond: (requests / ms) * 1000, ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const http = await overHttp();
const bare = bareLoop();
const ratio = http.perSecond / bare.perSecond;
console.log(`durable usage debits, ${requests} each, synchronous=FULL`);
console.log(
  `  HTTP, ${clients} clients: ${http.perSecond.toFixed(0)}/s (${http.ms.toFixed(0)} ms, ${http.failed} not 201)`,
);
console.log(`  bare better-sqlite3:  ${bare.perSecond.toFixed(0)}/s (${bare.ms.toFixed(0)} ms)`);
console.log(
  `  ratio HTTP / bare:    ${ratio.toFixed(3)}   budget ≥ 1,000/s over HTTP: ${http.perSecond >= 1000 ? 'met' : 'MISSED'}`,
);
console.log(
  JSON.stringify({
    bench: 'ledger',
    requests,
    clients,
    httpPerSecond: Math.round(http.perSecond),
    barePerSecond: Math.round(bare.perSecond),
    ratio: Number(ratio.toFixed(3)),
    failed: http.failed,
    budgetPerSecond: 1000,
    met: http.perSecond >= 1000 && http.failed === 0,
  }),
);
if (http.failed > 0) process.exitCode = 1;
