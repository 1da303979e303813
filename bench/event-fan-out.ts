// Server CPU per change per open event stream: the real server process, one account with
// 50 members × 10 streams each (the cap per token) = 500 open streams, 200 debits one after
// another; the server's CPU time (/proc/<pid>/stat) for them, minus the same 200 debits with no
// stream open, over 200 × 500. Budget (docs/architecture.md): ≤ 5 µs. The split into user and system
// time shows the kernel's share (on loopback it also does the readers' receiving). Then usage
// debits per second from 32 concurrent clients, with and without the streams open.
// Run: npx tsx bench/event-fan-out.ts
import { readFileSync } from 'node:fs';
import { Agent, type IncomingMessage, request } from 'node:http';
import { createAccount, startServer, type TestServer } from '../tests/support/server.ts';

const members = 50;
const streamsPerMember = 10;
const changes = 200;
const budgetMicros = 5;

/** The server process's CPU time so far in milliseconds: user, system. */
function cpuSplit(pid: number): [number, number] {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat(5), here 11 and 12 after "pid (comm) ", in
  // clock ticks of 10 ms.
  return [Number(fields[11]) * 10, Number(fields[12]) * 10];
}

function cpuMs(pid: number): number {
  const [user, system] = cpuSplit(pid);
  return user + system;
}

const agent = new Agent({ keepAlive: true, maxSockets: 32 });

function debit(server: TestServer, token: string, key: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      new URL('/v1/usage', server.url),
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        response.on('end', () => {
          if (response.statusCode !== 201)
            reject(new Error(`usage answered ${response.statusCode}`));
          else resolve((JSON.parse(text) as { snapshot: { version: number } }).snapshot.version);
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end('{"operation":"smart-crop","quantity":1,"overage":"deny"}');
  });
}

/** An open stream that remembers the newest version it saw and can be waited on for one. */
function openStream(server: TestServer, token: string) {
  let carry = '';
  let newest = 0;
  let waiting: { version: number; done: () => void } | null = null;
  return new Promise<{ until(version: number): Promise<void>; close(): void }>(
    (resolve, reject) => {
      const outgoing = request(
        new URL('/v1/events', server.url),
        { headers: { authorization: `Bearer ${token}` }, agent: false },
        (response: IncomingMessage) => {
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            // An id line may be split between chunks: keep a short tail of the previous one.
            const text = carry + chunk;
            for (const match of text.matchAll(/\nid: (\d+)\n/g)) {
              newest = Math.max(newest, Number(match[1]));
            }
            carry = text.slice(-24);
            if (waiting && newest >= waiting.version) {
              const { done } = waiting;
              waiting = null;
              done();
            }
          });
          resolve({
            until: (version) =>
              new Promise<void>((done) => {
                if (newest >= version) done();
                else waiting = { version, done };
              }),
            close: () => outgoing.destroy(),
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end();
    },
  );
}

/** Usage debits per second from 32 concurrent clients. */
async function throughput(server: TestServer, tokens: string[], label: string, total = 2000) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < total) {
        const i = next++;
        await debit(server, tokens[i % tokens.length]!, `${label}-${i}`);
      }
    }),
  );
  return (total * 1000) / (performance.now() - started);
}

async function run(server: TestServer, tokens: string[], label: string) {
  const before = cpuMs(server.process.pid!);
  let version = 0;
  for (let i = 0; i < changes; i += 1) {
    version = await debit(server, tokens[i % tokens.length]!, `${label}-${i}`);
  }
  return { cpu: cpuMs(server.process.pid!) - before, version };
}

const server = await startServer({ env: { TALLY_RATE_BURST: '0' } });
try {
  const { members: created } = await createAccount(server, {
    planId: 'scale',
    members: Array.from({ length: members }, (_, i) => ({
      name: `Member ${i}`,
      role: 'member' as const,
    })),
  });
  const tokens = created.map((member) => member.token);
  // Warm up, then the debits alone.
  await run(server, tokens, 'warm');
  const alone = await run(server, tokens, 'alone');
  const rateAlone = await throughput(server, tokens, 'rate-alone');

  const streams = [];
  for (const token of tokens) {
    for (let i = 0; i < streamsPerMember; i += 1) streams.push(await openStream(server, token));
  }
  const fannedBefore = cpuMs(server.process.pid!);
  const splitBefore = cpuSplit(server.process.pid!);
  const fanned = await run(server, tokens, 'fanned');
  await Promise.all(streams.map((stream) => stream.until(fanned.version)));
  const fannedCpu = cpuMs(server.process.pid!) - fannedBefore;
  const splitAfter = cpuSplit(server.process.pid!);
  const rateFanned = await throughput(server, tokens, 'rate-fanned');
  for (const stream of streams) stream.close();

  const open = streams.length;
  const perStreamMicros = ((fannedCpu - alone.cpu) * 1000) / (changes * open);
  console.log(
    `event fan-out: ${changes} changes, ${open} open streams (${members} members × ${streamsPerMember})`,
  );
  console.log(`  server CPU, no stream open: ${alone.cpu.toFixed(0)} ms`);
  console.log(
    `  server CPU, ${open} streams:     ${fannedCpu.toFixed(0)} ms (user ${splitAfter[0] - splitBefore[0]} ms, system ${splitAfter[1] - splitBefore[1]} ms: the socket writes)`,
  );
  console.log(
    `  per change per stream:       ${perStreamMicros.toFixed(2)} µs   budget ≤ ${budgetMicros} µs: ${perStreamMicros <= budgetMicros ? 'met' : 'MISSED'}`,
  );
  console.log(
    `  usage debits/s, 32 clients:  ${rateAlone.toFixed(0)} with no stream, ${rateFanned.toFixed(0)} with ${open} streams`,
  );
  console.log(
    JSON.stringify({
      bench: 'event-fan-out',
      changes,
      streams: open,
      members,
      perStreamMicros: Number(perStreamMicros.toFixed(2)),
      debitsPerSecondAlone: Math.round(rateAlone),
      debitsPerSecondWithStreams: Math.round(rateFanned),
      budgetMicros,
      met: perStreamMicros <= budgetMicros,
    }),
  );
} finally {
  agent.destroy();
  await server.stop();
}
