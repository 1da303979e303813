// SIGKILL in the middle of a stream of usage: what was answered 201 is durable, nothing is
// half-applied, and retrying the unanswered requests under their keys applies each once.
import { expect, test } from 'vitest';
import { checkLedger } from '../../lib/billing/index.ts';
import { openStore } from '../../server/db/open-store.ts';
import { until } from '../support/until.ts';
import { soleAdmin } from './accounts.ts';
import { allCharges, allEntries } from './http.ts';
import { serverPerFile } from './server-per-file.ts';

const server = serverPerFile();

test('every 201 survives a SIGKILL and the ledger identity holds after restart', async () => {
  const { accountId, api } = await soleAdmin(server());
  const confirmed = new Map<string, string>(); // key → entry id
  const unanswered = new Set<string>();
  let next = 0;
  let killed = false;

  const worker = async () => {
    while (!killed) {
      const key = `crash-${next++}`;
      try {
        const answer = await api.post('/v1/usage', { operation: 'smart-crop', quantity: 1 }, key);
        if (answer.status === 201) confirmed.set(key, answer.body.entry.id);
      } catch {
        unanswered.add(key);
      }
    }
  };
  const workers = Array.from({ length: 8 }, worker);
  await until(() => confirmed.size >= 60, 30_000);
  await server().kill();
  killed = true;
  await Promise.all(workers);

  await server().restart();
  const entries = await allEntries(api);
  const ids = new Set(entries.map((e) => e.id));
  for (const id of confirmed.values()) expect(ids.has(id)).toBe(true);

  // Requests cut off by the kill: a retry under the same key is applied once, or replayed.
  for (const key of unanswered) {
    const retry = await api.post('/v1/usage', { operation: 'smart-crop', quantity: 1 }, key);
    expect(retry.status).toBe(201);
  }
  // A key answered before the kill is replayed after the restart, never applied again.
  for (const [key, entryId] of [...confirmed].slice(0, 5)) {
    const replay = await api.post('/v1/usage', { operation: 'smart-crop', quantity: 1 }, key);
    expect(replay.status).toBe(201);
    expect(replay.body.entry.id).toBe(entryId);
  }
  const usage = (await allEntries(api)).filter((e) => e.kind === 'usage');
  expect(usage).toHaveLength(confirmed.size + unanswered.size);

  // The state as stored, read straight from the database the server uses.
  const { store } = await openStore(server().databaseUrl, server().dbPath);
  const state = await store.loadAccount(accountId);
  await store.close();
  if (!state) throw new Error(`No account ${accountId} in the database`);
  const all = await allEntries(api);
  const charges = await allCharges(api);
  expect(() => checkLedger(all, state, charges)).not.toThrow();
  expect(all.at(-1).availableAfter).toBe(state.credits.available);
  const me = await api.get('/v1/me');
  expect(me.body.version).toBe(state.version);
}, 90_000);
