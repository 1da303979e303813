import { afterEach, expect, test } from 'vitest';
import { demoCatalog } from '../../lib/billing/catalog.ts';
import type { Catalog, PlanId } from '../../lib/billing/types.ts';
import type { CreditMath } from '../../lib/store/credit-math.ts';
import { type CreditModel, createCreditModel } from '../../lib/store/credit-model.ts';
import { localMath } from '../../lib/store/local-math.ts';
import { noPlanAboveRuns, upgradesRunning } from '../../lib/store/upgrades-running.ts';
import { english } from '../support/english.ts';
import { noLifestyleCropAbove, snapshotOf } from './fixtures.ts';
import { MemoryCreditSource } from './memory-credit-source.ts';

const models: CreditModel[] = [];

afterEach(() => {
  for (const model of models.splice(0)) model.dispose();
});

/** A started model on `plan`, its catalogue loaded when the source answers. */
async function modelOn(plan: PlanId, source?: MemoryCreditSource, math: CreditMath = localMath) {
  const model = createCreditModel(
    source ?? new MemoryCreditSource({ snapshot: snapshotOf({ plan }) }),
    {
      math,
      messages: english,
      timeZone: 'UTC',
    },
  );
  models.push(model);
  await model.start();
  await model.loadCatalog();
  return model;
}

/** The demo's catalogue, none of its plans above Free pricing Lifestyle Crops. */
const withoutLifestyleAbove: Catalog = { ...demoCatalog, plans: noLifestyleCropAbove };

test('an upgrade runs operations only if its plan prices every one of them', () => {
  const ids = (operations: string[]) =>
    upgradesRunning(withoutLifestyleAbove.plans, operations).map((plan) => plan.id);
  expect(ids(['smart-crop'])).toEqual(['free', 'starter', 'growth', 'scale']);
  expect(ids(['smart-crop', 'lifestyle-crop'])).toEqual(['free']);
  expect(ids([])).toEqual(['free', 'starter', 'growth', 'scale']);
});

test('below the top plan there is a plan above; on Scale there is none', async () => {
  expect(noPlanAboveRuns(await modelOn('growth'))).toBe(false);
  expect(noPlanAboveRuns(await modelOn('growth'), ['lifestyle-crop'])).toBe(false);
  expect(noPlanAboveRuns(await modelOn('scale'))).toBe(true);
  expect(noPlanAboveRuns(await modelOn('scale'), ['smart-crop'])).toBe(true);
});

test('a plan above that does not price an operation is no upgrade for it', async () => {
  const source = new MemoryCreditSource({
    snapshot: snapshotOf({ plan: 'free' }),
    catalog: withoutLifestyleAbove,
  });
  const model = await modelOn('free', source);
  expect(noPlanAboveRuns(model, ['smart-crop'])).toBe(false);
  expect(noPlanAboveRuns(model, ['lifestyle-crop'])).toBe(true);
  expect(noPlanAboveRuns(model, ['smart-crop', 'lifestyle-crop'])).toBe(true);
});

test('nobody is told there is no upgrade before the plans above are known', async () => {
  // The catalogue could not be loaded.
  const unreachable = new (class extends MemoryCreditSource {
    override async catalog(): Promise<Catalog> {
      throw new Error('Network down');
    }
  })({ snapshot: snapshotOf({ plan: 'scale' }) });
  const offline = await modelOn('scale', unreachable);
  expect(offline.catalog.value).toBeNull();
  expect(noPlanAboveRuns(offline)).toBe(false);
  // The catalogue is in, the math elsewhere (the content script's worker) not done yet.
  const pending = await modelOn('scale', undefined, { ...localMath, upgrades: () => null });
  expect(pending.catalog.value).not.toBeNull();
  expect(noPlanAboveRuns(pending)).toBe(false);
  expect(pending.upgrades.value).toEqual([]);
});
