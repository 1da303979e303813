import { computed } from '@preact/signals';
import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { demoCatalog } from '../../lib/billing/catalog.ts';
import type { WorkerLink } from '../../lib/extension/worker-link.ts';
import { createWorkerMath } from '../../lib/extension/worker-math.ts';
import { localMath } from '../../lib/store/local-math.ts';
import { snapshotOf } from '../store/fixtures.ts';
import { editorTab, workerWith } from './worker-fixture.ts';

beforeEach(() => fakeBrowser.reset());

/** The content script's math over a real worker, as the editor tab reaches it; counts requests. */
function mathOverWorker() {
  const { worker } = workerWith();
  const asked: string[] = [];
  const link = {
    async request(request: { type: string }) {
      asked.push(request.type);
      const reply = await worker.handleMessage(request, editorTab);
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.value;
    },
  } as Pick<WorkerLink, 'request'>;
  return { math: createWorkerMath(link), asked };
}

test('a quote is null until the worker answers, then the same as worked out here', async () => {
  const { math } = mathOverWorker();
  const snapshot = snapshotOf({ available: '2.0' });
  const preview = computed(() => math.quote(snapshot, 'lifestyle-crop', 1));
  expect(preview.value).toBeNull();
  await math.settledQuote(snapshot, 'lifestyle-crop', 1);
  expect(preview.value).toEqual(localMath.quote(snapshot, 'lifestyle-crop', 1));
  expect(preview.value).toMatchObject({ outcome: 'overage', overageUsd: '0.21' });
});

test('each question is asked once per snapshot version', async () => {
  const { math, asked } = mathOverWorker();
  const snapshot = snapshotOf({ version: 4 });
  math.quote(snapshot, 'smart-crop', 3);
  math.quote(snapshot, 'smart-crop', 3);
  await math.settledQuote(snapshot, 'smart-crop', 3);
  math.quote(snapshot, 'smart-crop', 3);
  expect(asked).toEqual(['quote']);
  await math.settledQuote(snapshotOf({ version: 5 }), 'smart-crop', 3);
  expect(asked).toEqual(['quote', 'quote']);
});

test('the facts (balance, capacity) and the plans above are the worker’s, the same as here', async () => {
  const { math } = mathOverWorker();
  const snapshot = snapshotOf({ plan: 'starter', available: '500' });
  expect(math.facts(snapshot)).toBeNull();
  expect(math.upgrades(snapshot, demoCatalog.plans)).toBeNull();
  await vi.waitFor(() => expect(math.facts(snapshot)).not.toBeNull());
  await vi.waitFor(() => expect(math.upgrades(snapshot, demoCatalog.plans)).not.toBeNull());
  expect(math.facts(snapshot)).toEqual(localMath.facts(snapshot));
  expect(math.upgrades(snapshot, demoCatalog.plans)).toEqual(
    localMath.upgrades(snapshot, demoCatalog.plans),
  );
  expect(math.upgrades(snapshot, demoCatalog.plans)?.map((plan) => plan.id)).toEqual([
    'growth',
    'scale',
  ]);
});

test('a quantity out of range settles to no quote, as a local one would throw', async () => {
  const { math } = mathOverWorker();
  expect(await math.settledQuote(snapshotOf(), 'smart-crop', 0)).toBeNull();
});
