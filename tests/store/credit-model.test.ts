import { effect } from '@preact/signals';
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { type CreditModel, createCreditModel } from '../../lib/store/credit-model.ts';
import { localMath } from '../../lib/store/local-math.ts';
import { english } from '../support/english.ts';
import { snapshotOf } from './fixtures.ts';
import { MemoryCreditSource } from './memory-credit-source.ts';

const models: CreditModel[] = [];

function modelOver(transport: MemoryCreditSource, clock?: () => number) {
  const model = createCreditModel(transport, {
    math: localMath,
    messages: english,
    timeZone: 'UTC',
    ...(clock ? { clock } : {}),
  });
  models.push(model);
  return model;
}

afterEach(() => {
  for (const model of models.splice(0)) model.dispose();
  vi.useRealTimers();
});

describe('sync', () => {
  test('paints the cached snapshot first, then the refreshed one', async () => {
    const transport = new MemoryCreditSource({
      snapshot: snapshotOf({ version: 8, available: '4568.7', used: '1.3' }),
      cached: { snapshot: snapshotOf({ version: 7 }), syncedAt: '2026-11-20T10:30:00.000Z' },
    });
    let refreshed!: () => void;
    transport.refresh = () =>
      new Promise((resolve) => {
        refreshed = () => {
          transport.push(transport.snapshot);
          resolve();
        };
      });
    const model = modelOver(transport);
    await model.start();
    expect(model.snapshot.value?.version).toBe(7);
    expect(model.status.value).toBe('loading');
    expect(model.balance.value?.available).toBe('4570');
    refreshed();
    expect(model.snapshot.value?.version).toBe(8);
    expect(model.status.value).toBe('fresh');
    expect(model.balance.value?.available).toBe('4568.7');
  });

  test('an older snapshot version never replaces a newer one', async () => {
    const transport = new MemoryCreditSource({
      snapshot: snapshotOf({ version: 5, available: '500' }),
    });
    const model = modelOver(transport);
    await model.start();
    transport.push(snapshotOf({ version: 4, available: '4570' }));
    expect(model.snapshot.value?.version).toBe(5);
    expect(model.balance.value?.available).toBe('500');
    transport.push(snapshotOf({ version: 6, available: '370' }));
    expect(model.balance.value?.available).toBe('370');
  });

  test('whatever order versions arrive in, the newest one is shown', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: 50 }), { minLength: 1, maxLength: 20 }),
        async (versions) => {
          const transport = new MemoryCreditSource({ snapshot: snapshotOf({ version: 0 }) });
          const model = modelOver(transport);
          await model.start();
          for (const version of versions) {
            transport.push(snapshotOf({ version, available: `${version}` }));
          }
          const newest = Math.max(0, ...versions);
          expect(model.snapshot.value?.version).toBe(newest);
          expect(model.balance.value?.available).toBe(`${newest}`);
          model.dispose();
        },
      ),
      { numRuns: 60 },
    );
  });

  test('a cache older than what the transport already pushed is ignored', async () => {
    const transport = new MemoryCreditSource({
      snapshot: snapshotOf({ version: 9, available: '370' }),
      cached: { snapshot: snapshotOf({ version: 3 }), syncedAt: '2026-11-20T10:00:00.000Z' },
    });
    const load = transport.load.bind(transport);
    transport.load = async () => {
      transport.push(transport.snapshot);
      return load();
    };
    const model = modelOver(transport);
    await model.start();
    expect(model.snapshot.value?.version).toBe(9);
  });

  test('a snapshot of another account replaces the current one whatever its version', async () => {
    const transport = new MemoryCreditSource({ snapshot: snapshotOf({ version: 40 }) });
    const model = modelOver(transport);
    await model.start();
    transport.push(snapshotOf({ version: 2, accountId: 'acc_other', plan: 'starter' }));
    expect(model.snapshot.value?.account.id).toBe('acc_other');
    expect(model.snapshot.value?.plan.id).toBe('starter');
  });

  test('offline keeps the numbers and says since when', async () => {
    const transport = new MemoryCreditSource({ snapshot: snapshotOf({ available: '500' }) });
    const model = modelOver(transport, () => Date.parse('2026-11-20T11:05:00.000Z'));
    await model.start();
    expect(model.status.value).toBe('fresh');
    expect(model.freshness.value).toBe('synced 23 min ago');
    transport.emit({ kind: 'status', status: 'offline', error: 'fetch failed' });
    expect(model.status.value).toBe('offline');
    expect(model.error.value).toBe('fetch failed');
    expect(model.balance.value?.available).toBe('500');
    expect(model.freshness.value).toBe('offline since 10:42');
  });

  test('a refused token shows as unauthorized', async () => {
    const transport = new MemoryCreditSource({ snapshot: snapshotOf() });
    transport.network = 'refused';
    const model = modelOver(transport);
    await model.start();
    expect(model.status.value).toBe('unauthorized');
    expect(model.freshness.value).toBe('reconnect needed');
  });

  test('a refresh that only rejects still ends loading', async () => {
    const transport = new MemoryCreditSource({ snapshot: snapshotOf() });
    transport.refresh = () =>
      Promise.reject(Object.assign(new Error('401'), { code: 'unauthorized' }));
    const model = modelOver(transport);
    await model.start();
    await Promise.resolve();
    expect(model.status.value).toBe('unauthorized');
    transport.push(transport.snapshot);
    expect(model.status.value).toBe('fresh');
    transport.refresh = () => Promise.reject(new Error('Failed to fetch'));
    await model.refresh();
    expect(model.status.value).toBe('offline');
    expect(model.error.value).toBe('Failed to fetch');
  });

  test('the freshness text follows a ticking clock', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-20T10:42:00.000Z') });
    const transport = new MemoryCreditSource({
      snapshot: snapshotOf(),
      now: '2026-11-20T10:42:00.000Z',
    });
    const model = modelOver(transport);
    await model.start();
    const shown: string[] = [];
    const hide = effect(() => {
      shown.push(model.freshness.value);
    });
    expect(shown.at(-1)).toBe('synced just now');
    vi.advanceTimersByTime(3000);
    expect(shown.at(-1)).toBe('synced 3 s ago');
    vi.advanceTimersByTime(4 * 60_000);
    expect(shown.at(-1)).toBe('synced 4 min ago');
    model.dispose();
    vi.advanceTimersByTime(60 * 60_000);
    expect(shown.at(-1)).toBe('synced 4 min ago');
    hide();
  });

  test('the clock does not tick while nothing on screen shows a relative time', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-20T10:42:00.000Z') });
    const model = modelOver(new MemoryCreditSource({ snapshot: snapshotOf() }));
    await model.start();
    expect(vi.getTimerCount()).toBe(0);
    const hide = effect(() => {
      void model.freshness.value;
    });
    expect(vi.getTimerCount()).toBe(1);
    hide();
    expect(vi.getTimerCount()).toBe(0);
    model.dispose();
  });
});

describe('what the balance means', () => {
  async function started(options: Parameters<typeof snapshotOf>[0]) {
    const model = modelOver(new MemoryCreditSource({ snapshot: snapshotOf(options) }));
    await model.start();
    await model.loadCatalog();
    return model;
  }

  test('Growth with 4,570 available covers 3,515 Smart Crops', async () => {
    const model = await started({ plan: 'growth' });
    const smartCrop = model.operations.value.find((operation) => operation.id === 'smart-crop');
    expect(smartCrop).toMatchObject({ name: 'Smart Crop', plural: 'Smart Crops', remaining: 3515 });
  });

  test('500 available: 384 Smart Crops (floor, not 385) and 178 Background Removals', async () => {
    const model = await started({ available: '500' });
    const remaining = Object.fromEntries(
      model.operations.value.map((operation) => [operation.id, operation.remaining]),
    );
    expect(remaining['smart-crop']).toBe(384);
    expect(remaining['background-removal']).toBe(178);
    expect(model.operations.value.map((operation) => operation.id)).toEqual([
      'smart-crop',
      'background-removal',
      'lifestyle-crop',
    ]);
  });

  test('low below 10% of the granted credits', async () => {
    expect((await started({ available: '456.9' })).balance.value?.low).toBe(true);
    expect((await started({ available: '457' })).balance.value?.low).toBe(false);
  });

  test('used of granted and the meter', async () => {
    const model = await started({ available: '3427.5', used: '1142.5' });
    expect(model.balance.value).toMatchObject({
      usageRatio: '0.25',
      meter: { available: '75', used: '25', held: '0' },
    });
  });

  test('quotes are computed locally: Lifestyle Crop at 0 available is $0.41 overage', async () => {
    const transport = new MemoryCreditSource({ snapshot: snapshotOf({ available: '0' }) });
    const preview = vi.spyOn(transport, 'previewPlanChange');
    const model = modelOver(transport);
    await model.start();
    expect(model.quoteFor('lifestyle-crop', 1)).toMatchObject({
      overageCredits: '4.1',
      overageUsd: '0.41',
      outcome: 'overage',
    });
    expect((await started({})).quoteFor('lifestyle-crop', 1)?.planValueUsd).toBe('0.2243');
    expect(preview).not.toHaveBeenCalled();
  });

  test('the plans up from Growth are Scale only; from Free all paid plans, cheapest first', async () => {
    expect((await started({ plan: 'growth' })).upgrades.value.map((plan) => plan.id)).toEqual([
      'scale',
    ]);
    expect((await started({ plan: 'free' })).upgrades.value.map((plan) => plan.id)).toEqual([
      'starter',
      'growth',
      'scale',
    ]);
  });
});

describe('actions', () => {
  test('changePlan applies the snapshot the transport returns', async () => {
    const transport = new MemoryCreditSource({
      snapshot: snapshotOf({
        available: '400',
        used: '4170',
        cycle: { start: '2026-04-20T09:00:00.000Z', end: '2026-05-20T09:00:00.000Z' },
      }),
      now: '2026-05-08T12:00:00.000Z',
    });
    const model = modelOver(transport);
    await model.start();
    const preview = await model.previewPlanChange('starter');
    expect(preview).toMatchObject({
      chargeUsd: '100.00',
      rolledOverCredits: '400',
      creditsAfter: '2100',
    });
    await model.changePlan('starter');
    expect(model.snapshot.value?.plan.id).toBe('starter');
    expect(model.balance.value?.available).toBe('2100');
  });

  test('a refused plan change rejects and says why', async () => {
    const model = modelOver(new MemoryCreditSource({ snapshot: snapshotOf({ role: 'member' }) }));
    await model.start();
    await expect(model.changePlan('scale')).rejects.toThrow('Ask Ada');
    expect(model.error.value).toBe('Ask Ada (admin) to change the plan.');
    expect(model.snapshot.value?.plan.id).toBe('growth');
  });

  test('the ledger loads through the transport', async () => {
    const transport = new MemoryCreditSource({ snapshot: snapshotOf() });
    transport.entries = [
      {
        id: 'ent_1',
        at: '2026-11-20T10:40:00.000Z',
        kind: 'usage',
        memberId: 'mem_ada',
        operation: 'smart-crop',
        quantity: 100,
        credits: '-130',
        overageCredits: '0',
        amountUsd: '0',
        availableAfter: '370',
        description: '100 Smart Crops',
      },
    ];
    const model = modelOver(transport);
    await model.loadLedger(5);
    expect(model.entries.value?.map((entry) => entry.id)).toEqual(['ent_1']);
  });
});

test('retrying with a refused token does not bring the numbers back', async () => {
  const transport = new MemoryCreditSource({ snapshot: snapshotOf() });
  transport.network = 'refused';
  const model = modelOver(transport);
  await model.start();
  let during: string | undefined;
  transport.refresh = async () => {
    during = model.status.value;
  };
  await model.refresh();
  expect(during).toBe('unauthorized');
  expect(model.status.value).toBe('unauthorized');
});
