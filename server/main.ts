import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { demoCatalog } from '../lib/billing/index.ts';
import { allowedHostsFromEnv } from './allowed-hosts.ts';
import { createApp, type EditorRoutes } from './app.ts';
import { readCatalog } from './catalog-file.ts';
import { DevClock, systemClock } from './clock.ts';
import { openStore } from './db/open-store.ts';
import { EventHub } from './events.ts';
import { httpTimeouts } from './http-timeouts.ts';
import { IdempotencyStore, keepKeysMs } from './idempotency.ts';
import { StoreLedger } from './ledger/store-ledger.ts';
import { RateLimiter, rateLimitFromEnv } from './rate-limit.ts';
import { operatorKeyFor, seedDemo } from './seed.ts';
import { upgradeRequestFrame } from './snapshot-frame.ts';
import { checkAnswers } from './validate.ts';
import { startSender } from './webhooks/sender.ts';

// The reference billing server: reads its settings from the environment (docs/api.md), opens the
// database, seeds the demo on first start, serves until SIGINT/SIGTERM, then closes cleanly.

const env = process.env;
const port = Number(env.PORT ?? 8787);
const host = env.HOST ?? '127.0.0.1';
const dbPath = resolve(env.TALLY_DB ?? 'data/tally.sqlite');
const catalog = readCatalog(
  env.TALLY_CATALOG ? JSON.parse(readFileSync(env.TALLY_CATALOG, 'utf8')) : demoCatalog,
);
const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

checkAnswers(env.TALLY_CHECK_ANSWERS === '1');
const devClock = env.TALLY_DEV_CLOCK === '1' ? new DevClock() : null;
const clock = devClock ?? systemClock;
const webhookSenders = Number(env.TALLY_WEBHOOK_SENDERS ?? 4);
if (!Number.isInteger(webhookSenders) || webhookSenders < 1) {
  throw new Error(`TALLY_WEBHOOK_SENDERS must be a whole number ≥ 1, not ${webhookSenders}`);
}
const { store, outbox, where } = await openStore(env.TALLY_DATABASE_URL, dbPath, webhookSenders);
const ledger = await StoreLedger.open(store, clock, catalog);
const sender = startSender(outbox, ledger, clock, devClock, { senders: webhookSenders });
const events = new EventHub((state, memberId) => ledger.snapshot(state, memberId));
ledger.onChange(
  (state) => events.publish(state),
  (accountId) => events.follows(accountId),
);
ledger.onMemberRevoked((accountId, memberId) => events.closeMember(accountId, memberId));
ledger.onUpgradeRequest((accountId, request, admins) =>
  events.sendTo(accountId, new Set([...admins, request.memberId]), upgradeRequestFrame(request)),
);
const idempotency = new IdempotencyStore();
let stopping = false;
const prune = () =>
  ledger.pruneAnswers(Date.now() - keepKeysMs).catch((error: unknown) => {
    // One under way when the server stops fails with the store; that is no news.
    if (!stopping) console.error('Could not prune old idempotency keys:', error);
  });
// Not waited for: the keys go a few thousand at a time, in turn with the requests' batches.
void prune();
const pruning = setInterval(prune, 60 * 60 * 1000);
pruning.unref();

const operatorKey = operatorKeyFor(dbPath, env.TALLY_OPERATOR_KEY);
const demo = await seedDemo(ledger, catalog, dbPath, clock.now());

const app = createApp(
  {
    ledger,
    outbox,
    idempotency,
    clock,
    devClock,
    events,
    catalog,
    operatorKey,
    corsOrigins: (env.TALLY_CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    allowedHosts: allowedHostsFromEnv(env.TALLY_ALLOWED_HOSTS, host),
    rateLimiter: new RateLimiter(rateLimitFromEnv(env)),
    demo,
    version,
  },
  await loadEditorRoutes(),
);

async function loadEditorRoutes(): Promise<EditorRoutes | null> {
  const file = new URL('./editor/routes.ts', import.meta.url);
  if (!existsSync(fileURLToPath(file))) return null;
  const module = (await import(file.href)) as { editorRoutes?: EditorRoutes };
  return module.editorRoutes ?? null;
}

// Plain HTTP/1.1 (no createServer option), so this is a node:http Server.
const server = serve(
  { fetch: app.fetch, port, hostname: host, serverOptions: httpTimeouts },
  (info) => {
    const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
    const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${info.port}`;
    const lines = [
      '',
      `Tally billing server ${version}`,
      `  API URL:      ${url}   (the extension's Connect form takes this; OpenAPI: ${url}/v1/openapi.json)`,
      `  Demo editor:  ${url}/editor`,
      `  Database:     ${where}`,
      `  Operator key: ${operatorKey}${env.TALLY_OPERATOR_KEY ? ' (TALLY_OPERATOR_KEY)' : ''}`,
    ];
    if (demo) {
      lines.push(
        `  Demo account "Studio North" (${demo.accountId}):`,
        `    Ada (admin):   ${demo.members.ada.token}`,
        `    Milo (member): ${demo.members.milo.token}`,
      );
    } else {
      lines.push('  No demo tokens: this database was not seeded here.');
    }
    if (devClock) lines.push('  Dev clock:    on (POST /v1/dev/clock)');
    lines.push('  Ctrl-C stops the server.', '');
    console.log(lines.join('\n'));
    // One machine-readable line for tests/support/server.ts.
    console.log(`TALLY_LISTENING ${url}`);
  },
);

function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: closing event streams, the server and the database…`);
  events.closeAll();
  clearInterval(pruning);
  // Requests in flight may finish; connections left idle (ended streams, keep-alive) are closed
  // as they become idle, and whatever is still open after 3 s is cut.
  const http = server as Server;
  const idle = setInterval(() => http.closeIdleConnections(), 50);
  const force = setTimeout(() => http.closeAllConnections(), 3000);
  force.unref();
  server.close(() => {
    clearInterval(idle);
    void sender
      .stop()
      .then(() => Promise.all([outbox.close(), ledger.close()]))
      .finally(() => {
        console.log('Stopped.');
        process.exit(0);
      });
  });
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
