import { effect } from '@preact/signals';
import {
  announceReady,
  listenForPreflight,
  listenForUsageRecorded,
} from '../lib/page/widget-side.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';

/**
 * One answer per preflight: several Tally widgets may be mounted on one page (a chip in the
 * toolbar, a panel in settings), but only the first one still mounted answers the page, and
 * while any is mounted the extension's in-page widget stands down (docs/page-protocol.md, page protocol).
 */
interface Responder {
  model: CreditModel;
  doc: Document;
}

const UNAVAILABLE = { decision: 'unavailable' } as const;
// A page may ask before the first GET /v1/me came back (an editor that runs an operation on
// load); wait that long for it rather than answer "unavailable" for a balance on its way.
const FIRST_SNAPSHOT_WAIT_MS = 5_000;

const responders: Responder[] = [];
let active: { responder: Responder; stop: () => void } | undefined;

export function respondToPage(model: CreditModel, doc: Document = document): () => void {
  const responder = { model, doc };
  responders.push(responder);
  if (!active) activate(responder);
  // Every widget on the page refreshes at once when the page recorded usage.
  const stopUsage = listenForUsageRecorded(() => void model.refresh(), doc);
  return () => {
    stopUsage();
    const index = responders.indexOf(responder);
    if (index >= 0) responders.splice(index, 1);
    if (active?.responder !== responder) return;
    active.stop();
    active = undefined;
    const next = responders[0];
    if (next) activate(next);
  };
}

function activate(responder: Responder): void {
  const { model, doc } = responder;
  // Listening as 'embed' marks the document (the extension stands down) before the announcement.
  const stopPreflight = listenForPreflight(
    async (request) => {
      await firstSnapshot(model, FIRST_SNAPSHOT_WAIT_MS);
      // null: no balance to decide on (billing unreachable); the page relies on the server's 402.
      return (await model.preflight(request.operation, request.quantity)) ?? UNAVAILABLE;
    },
    { kind: 'embed', document: doc },
  );
  announceReady('embed', doc);
  active = { responder, stop: stopPreflight };
}

function firstSnapshot(model: CreditModel, timeoutMs: number): Promise<void> {
  if (model.snapshot.peek()) return Promise.resolve();
  return new Promise((resolve) => {
    let dispose = () => {};
    const done = () => {
      clearTimeout(timer);
      queueMicrotask(() => dispose());
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    dispose = effect(() => {
      const waiting = model.snapshot.value === null && model.status.value === 'loading';
      if (!waiting) done();
    });
  });
}
