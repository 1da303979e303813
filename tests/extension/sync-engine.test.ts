import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { snapshotOf } from './snapshot-fixture.ts';
import { engineWith, memoryVault, offline, refused } from './sync-fakes.ts';

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ now: new Date('2026-11-02T10:00:00.000Z') });
});
afterEach(() => vi.useRealTimers());

test('a refresh caches the Snapshot and tells every UI it is fresh', async () => {
  const { engine, last } = engineWith({
    answers: [snapshotOf({ version: 3, available: '4568.7' })],
  });
  await engine.init();
  await engine.refresh();
  expect(last()).toMatchObject({
    status: 'fresh',
    syncedAt: '2026-11-02T10:00:00.000Z',
    baseUrl: 'http://127.0.0.1:8787',
  });
  expect(last()?.snapshot?.credits.available).toBe('4568.7');
  expect(JSON.stringify(last())).not.toContain('tly_secret');
});

test('offline keeps the cached numbers, says when they were synced, and retries with backoff', async () => {
  const { engine, answers, fetchSnapshot, last } = engineWith({
    answers: [snapshotOf({ version: 3, available: '370' })],
  });
  await engine.init();
  await engine.refresh();
  await vi.advanceTimersByTimeAsync(60_000);

  answers.push(offline(), offline(), offline());
  engine.setLive(1); // a UI is open: the engine retries by itself
  await vi.advanceTimersByTimeAsync(0);
  expect(last()).toMatchObject({ status: 'offline', syncedAt: '2026-11-02T10:00:00.000Z' });
  expect(last()?.snapshot?.credits.available).toBe('370');
  expect(fetchSnapshot).toHaveBeenCalledTimes(2);

  await vi.advanceTimersByTimeAsync(999);
  expect(fetchSnapshot).toHaveBeenCalledTimes(2);
  await vi.advanceTimersByTimeAsync(1); // first retry after 1 s
  expect(fetchSnapshot).toHaveBeenCalledTimes(3);
  await vi.advanceTimersByTimeAsync(1999);
  expect(fetchSnapshot).toHaveBeenCalledTimes(3);
  await vi.advanceTimersByTimeAsync(1); // then 2 s
  expect(fetchSnapshot).toHaveBeenCalledTimes(4);

  answers.push(snapshotOf({ version: 4, available: '367.2' }));
  await vi.advanceTimersByTimeAsync(4000); // then 4 s, and the server is back
  expect(fetchSnapshot).toHaveBeenCalledTimes(5);
  expect(last()).toMatchObject({ status: 'fresh', syncedAt: '2026-11-02T10:01:07.000Z' });
  expect(last()?.snapshot?.credits.available).toBe('367.2');
});

test('a revoked token says the access was removed, closes the stream, stops retrying and is forgotten', async () => {
  const { engine, answers, fetchSnapshot, streams, last } = engineWith({
    answers: [snapshotOf({ version: 3 })],
  });
  await engine.init();
  engine.setLive(1);
  await vi.advanceTimersByTimeAsync(0);
  expect(streams).toHaveLength(1);

  answers.push(refused());
  await engine.refresh();
  expect(last()?.status).toBe('unauthorized');
  expect(last()?.error).toMatch(/^Your access to Studio North was removed/);
  expect(last()?.snapshot).toBeNull();
  expect(engine.connection).toBeNull();
  expect(streams[0]?.closed).toBe(true);
  await vi.advanceTimersByTimeAsync(120_000);
  expect(fetchSnapshot).toHaveBeenCalledTimes(2);
});

test('the stream runs only while a UI is open; pushed snapshots are cached, older ones ignored', async () => {
  const { engine, streams, last } = engineWith({ answers: [snapshotOf({ version: 5 })] });
  await engine.init();
  expect(streams).toHaveLength(0);
  engine.setLive(2);
  await vi.advanceTimersByTimeAsync(0);
  expect(streams).toHaveLength(1);

  streams[0]?.onSnapshot(snapshotOf({ version: 7, available: '4565.9' }));
  await vi.advanceTimersByTimeAsync(0);
  expect(last()?.snapshot?.version).toBe(7);
  streams[0]?.onSnapshot(snapshotOf({ version: 6, available: '4568.7' }));
  await vi.advanceTimersByTimeAsync(0);
  expect(last()?.snapshot?.credits.available).toBe('4565.9');

  engine.setLive(0);
  expect(streams[0]?.closed).toBe(true);
});

test('a stream that lost its connection makes the engine find out whether it is offline', async () => {
  const { engine, answers, streams, last } = engineWith({ answers: [snapshotOf({ version: 5 })] });
  await engine.init();
  engine.setLive(1);
  await vi.advanceTimersByTimeAsync(0);
  answers.push(offline());
  streams[0]?.onTrouble();
  await vi.advanceTimersByTimeAsync(0);
  expect(last()?.status).toBe('offline');
});

test('after the worker restarts, the state is rebuilt from storage before any network', async () => {
  const vault = memoryVault({ baseUrl: 'http://127.0.0.1:8787', token: 'tly_secret' });
  const before = engineWith({
    vault,
    answers: [snapshotOf({ version: 9, available: '137.6' }), offline()],
  });
  await before.engine.init();
  await before.engine.refresh();
  await before.engine.refresh(); // offline now

  const after = engineWith({ vault });
  await after.engine.init();
  const state = await after.engine.state();
  expect(after.fetchSnapshot).not.toHaveBeenCalled();
  expect(state).toMatchObject({ status: 'offline', syncedAt: '2026-11-02T10:00:00.000Z' });
  expect(state.snapshot?.credits.available).toBe('137.6');
});

test('refreshes asked for while one runs share it and run once more, not once each', async () => {
  const { engine, fetchSnapshot } = engineWith({
    answers: [snapshotOf({ version: 1 }), snapshotOf({ version: 2 })],
  });
  await engine.init();
  await Promise.all([engine.refresh(), engine.refresh(), engine.refresh()]);
  expect(fetchSnapshot).toHaveBeenCalledTimes(2);
  expect((await engine.state()).snapshot?.version).toBe(2);
});

test('connect keeps the connection only after GET /v1/me accepted it', async () => {
  const vault = memoryVault();
  const { engine, answers } = engineWith({ vault, answers: [refused()] });
  await engine.init();
  expect((await engine.state()).status).toBe('unconfigured');
  const connection = { baseUrl: 'http://127.0.0.1:8787', token: 'tly_wrong' };
  await expect(engine.connect(connection)).rejects.toThrow('Unknown token.');
  expect(await vault.load()).toBeNull();

  answers.push(snapshotOf({ version: 4 }));
  await engine.connect({ ...connection, token: 'tly_right' });
  expect(await vault.load()).toEqual({ ...connection, token: 'tly_right' });
  expect((await engine.state()).status).toBe('fresh');
});

test('a restarted worker still says why the revoked token was forgotten', async () => {
  const vault = memoryVault({ baseUrl: 'http://127.0.0.1:8787', token: 'tly_secret' });
  const first = engineWith({ vault, answers: [snapshotOf({ version: 3 }), refused()] });
  await first.engine.init();
  await first.engine.refresh();
  await first.engine.refresh();
  expect(await vault.load()).toBeNull();

  const restarted = engineWith({ vault });
  await restarted.engine.init();
  const state = await restarted.engine.state();
  expect(state.status).toBe('unauthorized');
  expect(state.error).toMatch(/^Your access to Studio North was removed/);
});
