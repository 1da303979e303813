import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';
import { type CreditModel, createCreditModel } from '../../lib/store/credit-model';
import { type SnapshotOptions, snapshotOf } from '../store/fixtures';
import { MemoryTransport } from '../store/memory-transport';

const models: CreditModel[] = [];

afterEach(() => {
  cleanup();
  for (const model of models.splice(0)) model.dispose();
});

/** A model over an in-memory transport, started and with the catalogue loaded. */
export async function startedModel(options: SnapshotOptions = {}, now?: string) {
  const transport = new MemoryTransport({ snapshot: snapshotOf(options), ...(now ? { now } : {}) });
  const model = createCreditModel(transport, { timeZone: 'UTC' });
  models.push(model);
  await model.start();
  await model.loadCatalog();
  return { model, transport };
}

/** A click a person made: happy-dom's events are never trusted, a real user's always are. */
export function trustedClick(element: Element) {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  element.dispatchEvent(event);
}
