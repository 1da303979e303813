// @vitest-environment happy-dom
// The demo editor's click: its backend is told overage "accept" only when the Tally widget
// answered "proceed" with the user's overage consent; anything else is "deny" (the server's
// 402 then decides).
import { afterEach, expect, test, vi } from 'vitest';
import { listenForEvent, sendEvent } from '../../lib/page/event-channel.ts';
import {
  DECISION_EVENT,
  PREFLIGHT_EVENT,
  PREFLIGHT_RECEIVED_EVENT,
} from '../../lib/page/protocol.ts';
import { readPreflightRequest } from '../../lib/page/protocol-schemas.ts';
import { runOperation } from '../../server/editor/client/run-operation.ts';

const quote = { outcome: 'overage', credits: '4.1' };
let stopWidget = () => {};

afterEach(() => {
  stopWidget();
  vi.unstubAllGlobals();
});

/** A widget that answers every preflight with `answer`. */
function widgetAnswering(answer: Record<string, unknown>) {
  stopWidget = listenForEvent(PREFLIGHT_EVENT, readPreflightRequest, ({ id }) => {
    sendEvent(PREFLIGHT_RECEIVED_EVENT, { id, kind: 'extension' });
    sendEvent(DECISION_EVENT, { id, ...answer });
  });
}

/** The page's backend: records what it was asked to send, answers 402. */
function backend() {
  const bodies: { overage: string }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)));
      return Response.json({ error: { code: 'overage_required', message: 'no' } }, { status: 402 });
    }),
  );
  return bodies;
}

test('"proceed" with overage consent sends accept; "proceed" without it sends deny', async () => {
  const bodies = backend();
  widgetAnswering({ decision: 'proceed', overage: true, quote });
  await runOperation('lifestyle-crop', 1, 'ada');
  stopWidget();
  widgetAnswering({ decision: 'proceed', overage: false, quote });
  await runOperation('lifestyle-crop', 1, 'ada');

  expect(bodies.map((body) => body.overage)).toEqual(['accept', 'deny']);
});

test('a cancelled dialog sends nothing; no widget at all is deny (the server decides)', async () => {
  const bodies = backend();
  widgetAnswering({ decision: 'cancel', overage: true, quote });
  expect(await runOperation('lifestyle-crop', 1, 'ada')).toEqual({ kind: 'cancelled' });
  expect(bodies).toHaveLength(0);

  stopWidget();
  const outcome = await runOperation('lifestyle-crop', 1, 'ada');
  expect(bodies.map((body) => body.overage)).toEqual(['deny']);
  expect(outcome).toMatchObject({ kind: 'refused', code: 'overage_required', askedTally: false });
});
