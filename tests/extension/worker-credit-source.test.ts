import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { LiveMessage, WorkerPortMessage } from '../../lib/extension/messages.ts';
import type { PublicState } from '../../lib/extension/public-state.ts';
import { createWorkerCreditSource } from '../../lib/extension/worker-credit-source.ts';
import { type ClientPort, WorkerLink } from '../../lib/extension/worker-link.ts';
import type { CreditUpdate } from '../../lib/store/credit-source.ts';
import { snapshotOf } from './snapshot-fixture.ts';

/** A fake worker at the other end of the port: answers get-state, records the rest. */
function fakeWorker() {
  const ports: Array<{ receive(message: WorkerPortMessage): void; drop(): void; sent: unknown[] }> =
    [];
  let state: PublicState = {
    status: 'fresh',
    snapshot: snapshotOf({ version: 1 }),
    syncedAt: '2026-11-02T10:00:00.000Z',
    baseUrl: 'http://127.0.0.1:8787',
  };
  const connect = (): ClientPort => {
    const messageListeners: Array<(message: unknown) => void> = [];
    const disconnectListeners: Array<() => void> = [];
    const port = {
      sent: [] as unknown[],
      receive: (message: WorkerPortMessage) => {
        for (const listener of messageListeners) listener(message);
      },
      drop: () => {
        for (const listener of disconnectListeners) listener();
      },
    };
    ports.push(port);
    return {
      postMessage: (message) => {
        port.sent.push(message);
        const { id, request } = message as { id: number; request: { type: string } };
        if (request.type === 'get-state' || request.type === 'refresh') {
          queueMicrotask(() =>
            port.receive({ type: 'reply', id, reply: { ok: true, value: state } }),
          );
        }
      },
      disconnect: () => {},
      onMessage: { addListener: (listener) => messageListeners.push(listener) },
      onDisconnect: { addListener: (listener) => disconnectListeners.push(listener) },
    };
  };
  return {
    connect,
    ports,
    setState: (next: PublicState) => {
      state = next;
    },
    push: (message: LiveMessage) => ports.at(-1)?.receive(message),
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

test('offline pushes the cached snapshot and then says offline since the last sync', async () => {
  const worker = fakeWorker();
  const transport = createWorkerCreditSource(new WorkerLink(worker.connect));
  const updates: CreditUpdate[] = [];
  transport.subscribe((update) => updates.push(update));
  worker.push({
    type: 'state',
    state: {
      status: 'offline',
      snapshot: snapshotOf({ version: 4, available: '370' }),
      syncedAt: '2026-11-02T10:00:00.000Z',
      error: 'Cannot reach the billing server.',
      baseUrl: 'http://127.0.0.1:8787',
    },
  });
  expect(updates).toEqual([
    {
      kind: 'snapshot',
      snapshot: snapshotOf({ version: 4, available: '370' }),
      syncedAt: '2026-11-02T10:00:00.000Z',
    },
    {
      kind: 'status',
      status: 'offline',
      syncedAt: '2026-11-02T10:00:00.000Z',
      error: 'Cannot reach the billing server.',
    },
  ]);
});

test('a refused token loads no cached numbers (they may be wrong)', async () => {
  const worker = fakeWorker();
  worker.setState({
    status: 'unauthorized',
    snapshot: snapshotOf(),
    syncedAt: '2026-11-02T10:00:00.000Z',
    baseUrl: null,
  });
  const transport = createWorkerCreditSource(new WorkerLink(worker.connect));
  expect(await transport.load()).toBeNull();
});

test('when the worker restarts, the link reconnects and sends read-only requests again', async () => {
  const worker = fakeWorker();
  const link = new WorkerLink(worker.connect);
  const transport = createWorkerCreditSource(link);
  transport.subscribe(() => {});
  const first = worker.ports[0];
  // The worker dies before answering a catalog request (no auto-answer for it).
  const catalog = transport.catalog();
  first?.drop();
  await vi.advanceTimersByTimeAsync(60);
  expect(worker.ports).toHaveLength(2);
  const resent = worker.ports[1]?.sent.at(-1) as { id: number; request: { type: string } };
  expect(resent.request.type).toBe('catalog');
  worker.ports[1]?.receive({
    type: 'reply',
    id: resent.id,
    reply: { ok: true, value: { operations: [], plans: [] } },
  });
  await expect(catalog).resolves.toEqual({ operations: [], plans: [] });
});
