// Deleting an endpoint stops its deliveries, a retry already scheduled included. One sender, so
// deliveries go out one at a time, the one due first first: what a later one proves is exact.
import { expect, test } from 'vitest';
import { accountWith100 } from './accounts.ts';
import { clock } from './http.ts';
import { serverPerFile } from './server-per-file.ts';
import { accountOf } from './webhook-receiver.ts';
import { operator, receiverPerTest } from './webhooks.ts';

const server = serverPerFile({ devClock: true, env: { TALLY_WEBHOOK_SENDERS: '1' } });
const receiver = receiverPerTest(server);

test('a deleted endpoint gets neither its pending retry nor new events', async () => {
  const { accountId, api } = await accountWith100(server());
  const hooks = operator(server());
  const doomed = await hooks.register(`${receiver().url}/doomed`, ['charge.created']);
  receiver().script(500);
  const overage = { operation: 'lifestyle-crop', quantity: 30, overage: 'accept' };
  expect((await api.post('/v1/usage', overage)).status).toBe(201);
  const [failed] = await hooks.attempts(doomed.id, 1);
  expect(failed).toMatchObject({ status: 'pending', responseStatus: 500 });

  const kept = await hooks.register(`${receiver().url}/kept`, ['charge.created']);
  expect((await hooks.api.delete(`/v1/webhook-endpoints/${doomed.id}`)).status).toBe(204);
  // The retry would be due now, before the next event.
  expect((await clock(server(), { advance: 'PT6S' })).status).toBe(200);
  expect((await api.post('/v1/usage', { ...overage, quantity: 1 })).status).toBe(201);

  await receiver().next(1, (r) => r.path === '/kept' && accountOf(r) === accountId);
  const paths = receiver()
    .received.filter((r) => accountOf(r) === accountId)
    .map((r) => r.path);
  expect(paths).toEqual(['/doomed', '/kept']);
  const [delivered] = await hooks.attempts(kept.id, 1);
  expect(delivered.status).toBe('succeeded');
});
