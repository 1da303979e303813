// Idempotency-Key as docs/api.md states it: one change per key, replays answer the first response.
import { describe, expect, test } from 'vitest';
import { soleAdmin } from './accounts.ts';
import { allEntries } from './http.ts';
import { serverPerFile } from './server-per-file.ts';

const server = serverPerFile();

async function member() {
  return (await soleAdmin(server())).api;
}

describe('Idempotency-Key', () => {
  test('the same request sent 50 times in parallel makes one entry', async () => {
    const api = await member();
    const body = { operation: 'smart-crop', quantity: 2 };
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => api.post('/v1/usage', body, 'key-50')),
    );
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThan(0);
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    expect(new Set(created.map((a) => a.body.entry.id)).size).toBe(1);
    const usage = (await allEntries(api)).filter((e) => e.kind === 'usage');
    expect(usage).toHaveLength(1);
    expect((await api.get('/v1/me')).body.credits.available).toBe('4567.4');
  });

  test('a changed body under a used key is 422 idempotency_conflict and changes nothing', async () => {
    const api = await member();
    expect(
      (await api.post('/v1/usage', { operation: 'smart-crop', quantity: 1 }, 'k1')).status,
    ).toBe(201);
    const conflict = await api.post('/v1/usage', { operation: 'smart-crop', quantity: 3 }, 'k1');
    expect(conflict.status).toBe(422);
    expect(conflict.body.error.code).toBe('idempotency_conflict');
    expect((await api.get('/v1/me')).body.credits.available).toBe('4568.7');
  });

  test('a replay answers the first status and body, refusals included', async () => {
    const { api } = await soleAdmin(server(), 'free');
    const first = await api.post('/v1/usage', { operation: 'lifestyle-crop', quantity: 10 }, 'r1');
    expect(first.status).toBe(402);
    const replay = await api.post('/v1/usage', { operation: 'lifestyle-crop', quantity: 10 }, 'r1');
    expect(replay.status).toBe(402);
    expect(replay.body).toEqual(first.body);
  });

  test('a replay is the first answer byte for byte', async () => {
    const api = await member();
    const body = { operation: 'background-removal', quantity: 1 };
    const first = await api.post('/v1/usage', body, 'bytes-1');
    expect(first.status).toBe(201);
    const replay = await api.post('/v1/usage', body, 'bytes-1');
    expect(replay.status).toBe(201);
    expect(replay.text).toBe(first.text);
  });

  test('a request rejected by validation is not stored: fixed, it goes through under the same key', async () => {
    const api = await member();
    const bad = await api.post('/v1/usage', { operation: 'smart-crop', quantity: 0 }, 'fix-me');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
    const good = await api.post('/v1/usage', { operation: 'smart-crop', quantity: 1 }, 'fix-me');
    expect(good.status).toBe(201);
  });

  test('a state-changing POST without a key is 400 idempotency_key_required', async () => {
    const api = await member();
    const answer = await api.post('/v1/usage', { operation: 'smart-crop', quantity: 1 }, null);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('idempotency_key_required');
  });

  test('keys are scoped to the account: another account may use the same key', async () => {
    const a = await member();
    const b = await member();
    const body = { operation: 'smart-crop', quantity: 1 };
    const first = await a.post('/v1/usage', body, 'shared-key');
    const second = await b.post('/v1/usage', body, 'shared-key');
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.entry.id).not.toBe(first.body.entry.id);
  });
});
