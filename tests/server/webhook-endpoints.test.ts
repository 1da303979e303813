// The operator's webhook endpoints: registration, the secret shown once, listing, deletion,
// deliveries paged, a retry on demand.
import { expect, test } from 'vitest';
import { accountWith100, soleAdmin } from './accounts.ts';
import { client } from './http.ts';
import { serverPerFile } from './server-per-file.ts';
import { accountOf } from './webhook-receiver.ts';
import { operator, receiverPerTest } from './webhooks.ts';

// On PostgreSQL with one connection: no request may wait for a second connection while its
// transaction holds the first (a retry reads its endpoint and delivery in its transaction).
const server = serverPerFile({ devClock: true, env: { TALLY_DATABASE_POOL: '1' } });
const receiver = receiverPerTest(server);

test('an endpoint takes http and https URLs only, and known event types', async () => {
  const { api } = operator(server());
  for (const body of [
    { url: 'ftp://127.0.0.1/hooks', events: ['charge.created'] },
    { url: 'javascript:alert(1)', events: ['charge.created'] },
    { url: 'http://127.0.0.1:9/hooks', events: ['charge.refunded'] },
    { url: 'http://127.0.0.1:9/hooks', events: [] },
    { url: 'http://127.0.0.1:9/hooks', events: ['charge.created'], secret: 'whsec_AAAA' },
  ]) {
    const answer = await api.post('/v1/webhook-endpoints', body);
    expect(answer.status, JSON.stringify(body)).toBe(400);
    expect(answer.body.error.code).toBe('invalid_request');
  }
});

test('the secret is whsec_ and base64, shown once: a replay of the request shows null', async () => {
  const { api } = operator(server());
  const body = { url: 'http://127.0.0.1:9/hooks', events: ['charge.created', 'plan.changed'] };
  const first = await api.post('/v1/webhook-endpoints', body, 'endpoint-once');
  expect(first.status).toBe(201);
  expect(first.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  expect(first.body.endpoint).toMatchObject({ url: body.url, events: body.events });
  const replay = await api.post('/v1/webhook-endpoints', body, 'endpoint-once');
  expect(replay.status).toBe(201);
  expect(replay.body).toEqual({ endpoint: first.body.endpoint, secret: null });
  const listed = await api.get('/v1/webhook-endpoints');
  expect(listed.body.endpoints).toContainEqual(first.body.endpoint);
  expect(JSON.stringify(listed.body)).not.toContain(first.body.secret);
});

test('a member token cannot manage endpoints', async () => {
  const { token } = await soleAdmin(server());
  const member = client(server(), token);
  expect((await member.get('/v1/webhook-endpoints')).status).toBe(401);
  const created = await member.post('/v1/webhook-endpoints', {
    url: 'http://127.0.0.1:9/hooks',
    events: ['charge.created'],
  });
  expect(created.status).toBe(401);
});

test('a deleted endpoint is gone from the list, and a second delete is 404', async () => {
  const hooks = operator(server());
  const { id } = await hooks.register('http://127.0.0.1:9/gone', ['charge.created']);
  expect((await hooks.api.delete(`/v1/webhook-endpoints/${id}`)).status).toBe(204);
  const listed = await hooks.api.get('/v1/webhook-endpoints');
  expect(listed.body.endpoints.map((e: { id: string }) => e.id)).not.toContain(id);
  expect((await hooks.api.delete(`/v1/webhook-endpoints/${id}`)).status).toBe(404);
  expect((await hooks.api.get(`/v1/webhook-endpoints/${id}/deliveries`)).status).toBe(404);
});

test('deliveries page newest first with limit and before', async () => {
  const { accountId, api } = await accountWith100(server());
  const hooks = operator(server());
  const { id } = await hooks.register(receiver().url, ['charge.created']);
  for (let i = 0; i < 3; i++) {
    await api.post('/v1/usage', { operation: 'lifestyle-crop', quantity: 30, overage: 'accept' });
  }
  await hooks.attempts(id, 3);
  const first = await hooks.api.get(`/v1/webhook-endpoints/${id}/deliveries?limit=2`);
  expect(first.body.deliveries).toHaveLength(2);
  expect(first.body.next).toBe(first.body.deliveries[1].id);
  const second = await hooks.api.get(
    `/v1/webhook-endpoints/${id}/deliveries?limit=2&before=${first.body.next}`,
  );
  expect(second.body.deliveries).toHaveLength(1);
  expect(second.body.next).toBeNull();
  const events = [...first.body.deliveries, ...second.body.deliveries].map((d) => d.eventId);
  expect(new Set(events).size).toBe(3);
  const arrived = await receiver().next(3, (r) => accountOf(r) === accountId);
  expect(arrived.map((r) => r.headers['webhook-id']).sort()).toEqual([...events].sort());
});

test('a retry delivers the event again at once, under the same webhook-id', async () => {
  const { accountId, api } = await accountWith100(server());
  const hooks = operator(server());
  const { id } = await hooks.register(receiver().url, ['charge.created']);
  await api.post('/v1/usage', { operation: 'lifestyle-crop', quantity: 30, overage: 'accept' });
  const [delivered] = await hooks.attempts(id, 1);
  expect(delivered.status).toBe('succeeded');
  const retry = await hooks.api.post(
    `/v1/webhook-endpoints/${id}/deliveries/${delivered.eventId}/retry`,
    {},
  );
  expect(retry.status).toBe(202);
  const [again] = await hooks.attempts(id, 2);
  expect(again).toMatchObject({ attempt: 2, status: 'succeeded', eventId: delivered.eventId });
  const both = await receiver().next(2, (r) => accountOf(r) === accountId);
  expect(both.map((r) => r.headers['webhook-id'])).toEqual([delivered.eventId, delivered.eventId]);
  const unknown = await hooks.api.post(`/v1/webhook-endpoints/${id}/deliveries/evt_none/retry`, {});
  expect(unknown.status).toBe(404);
});
