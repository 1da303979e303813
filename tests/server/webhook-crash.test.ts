// The outbox survives a crash: an event committed but not yet delivered when the server is
// killed is delivered after the restart, under the same webhook-id.
import { expect, test } from 'vitest';
import { accountWith100 } from './accounts.ts';
import { serverPerFile } from './server-per-file.ts';
import { accountOf, verified } from './webhook-receiver.ts';
import { operator, receiverPerTest } from './webhooks.ts';

const server = serverPerFile();
const receiver = receiverPerTest(server);

test('SIGKILL after the commit and before a delivery succeeded: the restarted server delivers it', async () => {
  const { accountId, api } = await accountWith100(server());
  const { id, secret } = await operator(server()).register(receiver().url, ['charge.created']);
  // The first attempt never gets an answer: the delivery is under way when the server dies.
  receiver().script('hang');
  const used = await api.post('/v1/usage', {
    operation: 'lifestyle-crop',
    quantity: 30,
    overage: 'accept',
  });
  expect(used.status).toBe(201);
  const mine = (r: { body: string }) => accountOf(r) === accountId;
  const [cut] = await receiver().next(1, mine);
  await server().kill();

  await server().restart();
  const [, delivered] = await receiver().next(2, mine);
  if (!cut || !delivered) throw new Error('two requests expected');
  expect(delivered.headers['webhook-id']).toBe(cut.headers['webhook-id']);
  expect(verified(secret, delivered).data).toMatchObject({
    accountId,
    amountUsd: '2.30',
    entryId: used.body.entry.id,
  });
  const [row] = await operator(server()).attempts(id, 1);
  expect(row).toMatchObject({ attempt: 1, status: 'succeeded', responseStatus: 200 });
}, 60_000);
