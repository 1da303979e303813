import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { POLL_ALARM } from '../../lib/extension/worker.ts';
import { snapshotOf } from './snapshot-fixture.ts';
import { editorTab, otherSite, popup, workerWith as workerWithClient } from './worker-fixture.ts';

beforeEach(() => fakeBrowser.reset());

function workerWith() {
  return workerWithClient({
    changePlan: vi.fn(async () => ({ change: {}, snapshot: snapshotOf({ version: 3 }) })),
  });
}

test('a content script cannot change the plan; the popup can', async () => {
  const { worker, client } = workerWith();
  const fromPage = await worker.handleMessage({ type: 'change-plan', planId: 'scale' }, editorTab);
  expect(fromPage).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(client.changePlan).not.toHaveBeenCalled();

  const fromPopup = await worker.handleMessage({ type: 'change-plan', planId: 'scale' }, popup);
  expect(fromPopup).toMatchObject({ ok: true, value: { version: 3 } });
  expect(client.changePlan).toHaveBeenCalledWith({ planId: 'scale' });
});

test('the usage summary by day and operation is for Tally’s pages, not a content script', async () => {
  const summary = { from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z', groups: [] };
  const { worker, client } = workerWithClient({ usageSummary: vi.fn(async () => summary) });
  expect(await worker.handleMessage({ type: 'usage-summary' }, editorTab)).toMatchObject({
    ok: false,
    error: { code: 'forbidden' },
  });
  expect(client.usageSummary).not.toHaveBeenCalled();
  expect(await worker.handleMessage({ type: 'usage-summary' }, popup)).toEqual({
    ok: true,
    value: summary,
  });
  expect(client.usageSummary).toHaveBeenCalledWith('day,operation');
});

test('a page outside the editor matches gets nothing, not even the state', async () => {
  const { worker } = workerWith();
  expect(await worker.handleMessage({ type: 'get-state' }, otherSite)).toMatchObject({
    ok: false,
    error: { code: 'forbidden' },
  });
});

test('malformed messages are refused before any handler runs', async () => {
  const { worker, client } = workerWith();
  for (const message of [
    null,
    'change-plan',
    { type: 'change-plan' },
    { type: 'nope' },
    { type: 'ledger', limit: 0 },
  ]) {
    expect(await worker.handleMessage(message, popup)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  }
  expect(client.changePlan).not.toHaveBeenCalled();
});

test('the state a content script gets carries the snapshot and never the token', async () => {
  const { worker } = workerWith();
  await worker.handleMessage({ type: 'refresh' }, editorTab);
  const reply = await worker.handleMessage({ type: 'get-state' }, editorTab);
  expect(reply).toMatchObject({ ok: true, value: { status: 'fresh', snapshot: { version: 2 } } });
  expect(JSON.stringify(reply)).not.toContain('tly_secret');
});

test('the alarm polls while no UI is open, and leaves it to the stream while one is', async () => {
  const { worker, fetchSnapshot } = workerWith();
  await worker.handleAlarm(POLL_ALARM);
  expect(fetchSnapshot).toHaveBeenCalledTimes(1);

  const port = {
    name: 'tally-live',
    sender: popup,
    postMessage: vi.fn(),
    disconnect: vi.fn(),
    onMessage: { addListener: vi.fn() },
    onDisconnect: { addListener: vi.fn() },
  };
  worker.handleConnect(port);
  await vi.waitFor(() => expect(port.postMessage).toHaveBeenCalled());
  const callsWithUi = fetchSnapshot.mock.calls.length;
  await worker.handleAlarm(POLL_ALARM);
  expect(fetchSnapshot).toHaveBeenCalledTimes(callsWithUi);
});

test('over the live port a content script is still a content script: no privileged action, no token', async () => {
  const { worker, client } = workerWith();
  const posted: unknown[] = [];
  let onMessage: (message: unknown) => void = () => {};
  const port = {
    name: 'tally-live',
    sender: editorTab,
    postMessage: (message: unknown) => posted.push(message),
    disconnect: vi.fn(),
    onMessage: { addListener: (listener: (message: unknown) => void) => (onMessage = listener) },
    onDisconnect: { addListener: () => {} },
  };
  worker.handleConnect(port);
  // Fields a page-side script might try to spoof are not part of any request.
  const attempts = [
    { type: 'change-plan', planId: 'scale' },
    { type: 'set-overage-policy', policy: 'auto', capUsd: null },
    { type: 'connect', baseUrl: 'http://127.0.0.1:1', token: 'tly_other' },
    { type: 'get-settings' },
  ];
  for (const [id, request] of attempts.entries()) onMessage({ id, request });
  onMessage({
    id: 9,
    request: { type: 'change-plan', planId: 'scale', context: 'extension-page' },
  });
  await vi.waitFor(() => expect(posted.filter(isReply)).toHaveLength(5));

  for (const reply of posted.filter(isReply)) {
    expect(reply.reply.ok).toBe(false);
  }
  expect(client.changePlan).not.toHaveBeenCalled();
  expect(client.setOveragePolicy).not.toHaveBeenCalled();
  expect(port.disconnect).not.toHaveBeenCalled();
  expect(JSON.stringify(posted)).not.toContain('tly_secret');
});

function isReply(message: unknown): message is { type: 'reply'; reply: { ok: boolean } } {
  return (message as { type?: string }).type === 'reply';
}
