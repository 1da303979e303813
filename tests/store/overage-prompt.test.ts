import { afterEach, expect, test } from 'vitest';
import { type CreditModel, createCreditModel } from '../../lib/store/credit-model.ts';
import { localMath } from '../../lib/store/local-math.ts';
import { english } from '../support/english.ts';
import { until } from '../support/until.ts';
import { type SnapshotOptions, snapshotOf } from './fixtures.ts';
import { MemoryCreditSource } from './memory-credit-source.ts';

const models: CreditModel[] = [];
afterEach(() => {
  for (const model of models.splice(0)) model.dispose();
});

async function started(options: SnapshotOptions, now?: string) {
  const transport = new MemoryCreditSource({
    snapshot: snapshotOf(options),
    ...(now ? { now } : {}),
  });
  const model = createCreditModel(transport, { math: localMath, messages: english });
  models.push(model);
  await model.start();
  return { model, transport };
}

test('a covered operation proceeds at once, without a dialog', async () => {
  const { model, transport } = await started({});
  const decision = await model.preflight('smart-crop', 1);
  expect(decision).toMatchObject({ decision: 'proceed', overage: false });
  expect(decision?.quote.availableAfter).toBe('4568.7');
  expect(model.prompt.request.value).toBeNull();
  expect(transport.decisions).toHaveLength(1);
});

test('under the auto policy overage proceeds without asking', async () => {
  const { model } = await started({ available: '0', policy: 'auto' });
  const decision = await model.preflight('lifestyle-crop', 1);
  expect(decision).toMatchObject({ decision: 'proceed', overage: true });
  expect(decision?.quote.overageUsd).toBe('0.41');
});

test('under ask the dialog waits for consent: 2.0 available → 2.1 overage, $0.21', async () => {
  const { model, transport } = await started({ available: '2.0' });
  const pending = model.preflight('lifestyle-crop', 1);
  expect(model.prompt.request.value).toEqual({ operation: 'lifestyle-crop', quantity: 1 });
  expect(model.prompt.quote.value).toMatchObject({
    fromPlan: '2',
    overageCredits: '2.1',
    overageUsd: '0.21',
  });
  model.payOverage();
  const decision = await pending;
  expect(decision).toMatchObject({ decision: 'proceed', overage: true });
  expect(decision?.quote.overageUsd).toBe('0.21');
  expect(model.prompt.request.value).toBeNull();
  expect(transport.decisions.at(-1)?.decision).toBe('proceed');
});

test('cancel answers cancel', async () => {
  const { model } = await started({ available: '0' });
  const pending = model.preflight('lifestyle-crop', 1);
  model.cancel();
  expect(await pending).toMatchObject({ decision: 'cancel', overage: false });
});

test('a blocked quote (free plan) cannot be paid, only upgraded', async () => {
  const { model } = await started({ plan: 'free', available: '1' }, '2026-11-20T10:42:00.000Z');
  const pending = model.preflight('lifestyle-crop', 1);
  expect(model.prompt.quote.value?.outcome).toBe('blocked');
  model.payOverage();
  expect(model.prompt.request.value).not.toBeNull();
  await model.upgrade('starter');
  const decision = await pending;
  expect(decision).toMatchObject({ decision: 'proceed', overage: false });
  expect(model.snapshot.value?.plan.id).toBe('starter');
});

test('the dialog offers the next plans up with their previews', async () => {
  const { model } = await started({ plan: 'free', available: '0' }, '2026-11-20T10:42:00.000Z');
  void model.preflight('smart-crop', 1);
  // The previews arrive after the options: wait for them.
  const options = await until(() => {
    const offered = model.prompt.upgradeOptions.value;
    return offered.length > 0 && offered.every((option) => option.preview) && offered;
  });
  expect(options.map((option) => option.plan.id)).toEqual(['starter', 'growth']);
  expect(options[0]?.preview).toMatchObject({ chargeUsd: '100.00', creditsAfter: '1700' });
});

test('a member’s upgrade is refused with the reason, and the dialog stays', async () => {
  const { model } = await started({ role: 'member', available: '0' });
  const pending = model.preflight('lifestyle-crop', 1);
  await model.upgrade('scale');
  expect(model.prompt.error.value).toContain('Ask Ada');
  expect(model.prompt.request.value).not.toBeNull();
  model.cancel();
  expect((await pending)?.decision).toBe('cancel');
});

test('one dialog at a time: a second preflight waits for the first', async () => {
  const { model } = await started({ available: '0' });
  const first = model.preflight('lifestyle-crop', 1);
  const second = model.preflight('smart-crop', 2);
  expect(model.prompt.request.value?.operation).toBe('lifestyle-crop');
  model.cancel();
  expect((await first)?.decision).toBe('cancel');
  await Promise.resolve();
  await Promise.resolve();
  expect(model.prompt.request.value).toEqual({ operation: 'smart-crop', quantity: 2 });
  model.payOverage();
  expect(await second).toMatchObject({ decision: 'proceed', overage: true });
});

test('what it cannot quote it does not answer', async () => {
  const { model } = await started({});
  expect(await model.preflight('teleport', 1)).toBeNull();
  expect(await model.preflight('smart-crop', 0)).toBeNull();
});

test('credits that arrive while the dialog is open let the operation go on', async () => {
  const { model, transport } = await started({ available: '0', version: 4 });
  const pending = model.preflight('lifestyle-crop', 1);
  expect(model.prompt.request.value).not.toBeNull();
  transport.push(snapshotOf({ plan: 'scale', available: '10000', version: 5 }));
  expect(await pending).toMatchObject({
    decision: 'proceed',
    overage: false,
    quote: { credits: '3.8', outcome: 'covered' },
  });
  expect(model.prompt.request.value).toBeNull();
});

test('closing the store cancels the open dialog and every waiting one', async () => {
  const { model } = await started({ available: '0' });
  const first = model.preflight('lifestyle-crop', 1);
  const second = model.preflight('smart-crop', 1);
  model.dispose();
  expect((await first)?.decision).toBe('cancel');
  expect((await second)?.decision).toBe('cancel');
  expect(model.prompt.request.value).toBeNull();
});

test('asked elsewhere (the consent frame), the answer and its receipt reach the page, one ask at a time', async () => {
  const transport = new MemoryCreditSource({ snapshot: snapshotOf({ available: '0' }) });
  const asks: { operation: string; answer(): void }[] = [];
  const model = createCreditModel(transport, {
    math: localMath,
    messages: english,
    askElsewhere: ({ operation }) =>
      new Promise((resolve) => {
        asks.push({
          operation,
          answer: () => resolve({ decision: 'proceed', overage: true, receipt: 'paid' }),
        });
      }),
  });
  models.push(model);
  await model.start();
  const first = model.preflight('lifestyle-crop', 1);
  const second = model.preflight('smart-crop', 1);
  await Promise.resolve();
  expect(asks.map((ask) => ask.operation)).toEqual(['lifestyle-crop']);
  expect(model.prompt.request.value).toBeNull(); // nothing drawn in this UI
  asks[0]?.answer();
  expect(await first).toMatchObject({ decision: 'proceed', overage: true });
  expect(model.prompt.receipt.value).toBe('paid');
  await expect.poll(() => asks.length).toBe(2);
  asks[1]?.answer();
  expect(await second).toMatchObject({ decision: 'proceed', overage: true });
});
