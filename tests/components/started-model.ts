import { cleanup, configure } from '@testing-library/preact';
import { afterEach } from 'vitest';
import { demoCatalog } from '../../lib/billing/catalog.ts';
import type { Plan } from '../../lib/billing/types.ts';
import type { Messages } from '../../lib/i18n/messages.ts';
import { type CreditModel, createCreditModel } from '../../lib/store/credit-model.ts';
import { localMath } from '../../lib/store/local-math.ts';
import { type SnapshotOptions, snapshotOf } from '../store/fixtures.ts';
import { MemoryCreditSource } from '../store/memory-credit-source.ts';
import { english } from '../support/english.ts';

// waitFor/findBy* give up after 1 s by default: too short for the model's async work when the
// whole suite shares 2 busy cores. They still return as soon as the condition holds.
configure({ asyncUtilTimeout: 10_000 });

const models: CreditModel[] = [];

afterEach(() => {
  cleanup();
  for (const model of models.splice(0)) model.dispose();
});

/** A model over `source`, started (its catalogue not asked for), disposed after the test. */
export async function modelOver(source: MemoryCreditSource, messages: Messages = english) {
  const model = createCreditModel(source, {
    math: localMath,
    messages,
    timeZone: 'UTC',
  });
  models.push(model);
  await model.start();
  return model;
}

/**
 * A model over an in-memory transport, started and with the catalogue loaded: the demo's, or
 * a vendor's of `plans` (the snapshot's plan then the one of `plans` with its id).
 */
export async function startedModel(
  { plans, ...options }: SnapshotOptions & { plans?: Plan[] } = {},
  now?: string,
  messages: Messages = english,
) {
  const snapshot = snapshotOf(options);
  const plan = plans?.find((candidate) => candidate.id === snapshot.plan.id) ?? snapshot.plan;
  const transport = new MemoryCreditSource({
    snapshot: { ...snapshot, plan },
    ...(now ? { now } : {}),
    ...(plans ? { catalog: { ...demoCatalog, plans } } : {}),
  });
  const model = await modelOver(transport, messages);
  await model.loadCatalog();
  return { model, transport };
}

/** A click a person made: happy-dom's events are never trusted, a real user's always are. */
export function trustedClick(element: Element) {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  element.dispatchEvent(event);
}
