// The outbox in-process over the real store: an event exists exactly when its change
// committed, so a change rolled back sends nothing.
import { afterEach, expect, test } from 'vitest';
import { demoCatalog } from '../../lib/billing/index.ts';
import { systemClock } from '../../server/clock.ts';
import { operatorScope } from '../../server/ledger/ledger.ts';
import { StoreLedger } from '../../server/ledger/store-ledger.ts';
import { startSender, type WebhookSender } from '../../server/webhooks/sender.ts';
import { openTestStore } from '../support/test-store.ts';
import { type Receiver, startReceiver, verified } from './webhook-receiver.ts';

let stop = async () => {};
afterEach(() => stop());

async function started() {
  const opened = await openTestStore();
  const ledger = await StoreLedger.open(opened.store, systemClock, demoCatalog);
  // One sender: deliveries go out one at a time, the one due first first.
  const sender: WebhookSender = startSender(opened.outbox, ledger, systemClock, null, {
    senders: 1,
  });
  const receiver: Receiver = await startReceiver();
  stop = async () => {
    await sender.stop();
    await receiver.close();
    await opened.close();
  };
  return { ledger, receiver };
}

const overage = (quantity: number) =>
  ({
    kind: 'usage',
    memberId: 'mem_test',
    operation: 'lifestyle-crop',
    quantity,
    overage: 'accept',
  }) as const;

test('a change rolled back sends nothing; the next committed one is the first to arrive', async () => {
  const { ledger, receiver } = await started();
  const account = await ledger.atomically(operatorScope, (tx) =>
    tx.openAccount({ name: 'Rollback', planId: 'growth', startAt: new Date().toISOString() }),
  );
  const { secret } = await ledger.atomically(operatorScope, async (tx) =>
    tx.addWebhookEndpoint({ url: receiver.url, events: ['charge.created'] }),
  );
  // 1,114 Lifestyle Crops = 4,567.4 of Growth's 4,570 credits: 2.6 left, nothing charged.
  await ledger.atomically(account.id, (tx) => tx.apply(account.id, overage(1114)));
  const rolledBack = ledger.atomically(account.id, async (tx) => {
    const { applied } = await tx.apply(account.id, overage(100));
    expect(applied.charges).toHaveLength(1);
    throw new Error('the work failed after the charge');
  });
  await expect(rolledBack).rejects.toThrow('the work failed after the charge');
  await ledger.atomically(account.id, (tx) => tx.apply(account.id, overage(10)));

  const [first] = await receiver.next(1);
  if (!first) throw new Error('no request');
  // 10 × 4.1 = 41 credits, 38.4 of them overage = $3.84 (the rolled-back 100 were $40.74).
  expect(verified(secret, first).data).toMatchObject({ accountId: account.id, amountUsd: '3.84' });
});
