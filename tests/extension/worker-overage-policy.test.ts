// The overage policy decides whether money is spent without asking, so the worker takes it
// only from Tally's own pages: never from a content script, by message or over its live port.
import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { snapshotOf } from './snapshot-fixture.ts';
import { editorTab, popup, workerWith as workerWithClient } from './worker-fixture.ts';

beforeEach(() => fakeBrowser.reset());

const auto25 = { type: 'set-overage-policy', policy: 'auto', capUsd: '25.00' };

function workerWith() {
  const saved = {
    ...snapshotOf({ version: 3 }),
    overage: { policy: 'auto' as const, capUsd: '25.00', creditsThisCycle: '0', usdThisCycle: '0' },
  };
  return workerWithClient({ setOveragePolicy: vi.fn(async () => saved) });
}

test('a content script cannot set the overage policy by message', async () => {
  const { worker, client } = workerWith();
  expect(await worker.handleMessage(auto25, editorTab)).toMatchObject({
    ok: false,
    error: { code: 'forbidden', message: expect.stringContaining("Tally's own pages") },
  });
  expect(client.setOveragePolicy).not.toHaveBeenCalled();
});

test('nor over its live port, which it may otherwise use to read', async () => {
  const { worker, client } = workerWith();
  let deliver: (message: unknown) => void = () => {};
  const port = {
    name: 'tally-live',
    sender: editorTab,
    postMessage: vi.fn(),
    disconnect: vi.fn(),
    onMessage: { addListener: (listener: (message: unknown) => void) => (deliver = listener) },
    onDisconnect: { addListener: vi.fn() },
  };
  worker.handleConnect(port);
  deliver({ id: 1, request: auto25 });
  deliver({ id: 2, request: { type: 'get-state' } });
  const replyTo = (id: number) =>
    port.postMessage.mock.calls.map(([message]) => message).find((message) => message.id === id);
  await vi.waitFor(() => expect(replyTo(2)).toMatchObject({ reply: { ok: true } }));
  expect(replyTo(1)).toMatchObject({
    type: 'reply',
    reply: { ok: false, error: { code: 'forbidden' } },
  });
  expect(port.disconnect).not.toHaveBeenCalled();
  expect(client.setOveragePolicy).not.toHaveBeenCalled();
});

test('the popup sets it; the snapshot that comes back becomes the state', async () => {
  const { worker, client, engine } = workerWith();
  expect(await worker.handleMessage(auto25, popup)).toMatchObject({
    ok: true,
    value: { version: 3, overage: { policy: 'auto', capUsd: '25.00' } },
  });
  expect(client.setOveragePolicy).toHaveBeenCalledExactlyOnceWith({
    policy: 'auto',
    capUsd: '25.00',
  });
  expect(await engine.state()).toMatchObject({
    snapshot: { version: 3, overage: { policy: 'auto' } },
  });
});

test('a malformed cap is refused before it reaches the API', async () => {
  const { worker, client } = workerWith();
  for (const capUsd of ['-3', '25 dollars', 25]) {
    expect(await worker.handleMessage({ ...auto25, capUsd }, popup)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  }
  expect(client.setOveragePolicy).not.toHaveBeenCalled();
});
