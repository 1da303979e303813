import { afterEach, expect, test } from 'vitest';
import { ApiError, type EventsStatus, NetworkError, subscribeEvents } from '../../lib/api/index.ts';
import { until } from '../support/until.ts';
import { errorBody, snapshot } from './fixtures.ts';
import { json, type Script, startScriptedServer } from './scripted-server.ts';

const fast = { baseMs: 5, maxMs: 20 };
let cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function serve(answers: Script[] | ((n: number) => Script)) {
  const server = await startScriptedServer(answers);
  cleanups.push(() => server.close());
  return server;
}

function follow(url: string, options: { idleTimeoutMs?: number; lastEventId?: string } = {}) {
  const versions: number[] = [];
  const statuses: EventsStatus[] = [];
  const errors: Error[] = [];
  const controller = new AbortController();
  const unsubscribe = subscribeEvents({
    baseUrl: url,
    token: 'tly_milo',
    onSnapshot: (s) => versions.push(s.version),
    onStatus: (s) => statuses.push(s),
    onError: (e) => errors.push(e),
    signal: controller.signal,
    retry: fast,
    ...options,
  });
  cleanups.push(unsubscribe);
  return { versions, statuses, errors, controller, unsubscribe };
}

const frame = (version: number) =>
  `event: snapshot\nid: ${version}\ndata: ${JSON.stringify(snapshot(version))}\n\n`;

/** Opens a stream, writes its frames one after the other, then drops or holds it. */
function stream(frames: string[], end: 'drop' | 'hold'): Script {
  return (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    res.flushHeaders();
    let i = 0;
    const next = () => {
      if (res.destroyed) return;
      // The next frame once this one is handed to the socket: a drop comes after every frame.
      if (i < frames.length) res.write(frames[i++], next);
      else if (end === 'drop') req.socket.destroy();
    };
    next();
  };
}

test('two snapshots, a heartbeat, a dropped connection: reconnects with Last-Event-ID', async () => {
  const server = await serve([
    stream([frame(7), ': heartbeat\n\n', frame(8)], 'drop'),
    stream([frame(9)], 'hold'),
  ]);
  const events = follow(server.url);
  await until(() => events.versions.length === 3);
  expect(events.versions).toEqual([7, 8, 9]);
  expect(server.seen).toHaveLength(2);
  expect(server.seen[0]!.url).toBe('/v1/events');
  expect(server.seen[0]!.headers.authorization).toBe('Bearer tly_milo');
  expect(server.seen[0]!.headers.accept).toBe('text/event-stream');
  expect(server.seen[0]!.headers['last-event-id']).toBeUndefined();
  expect(server.seen[1]!.headers['last-event-id']).toBe('8');
  expect(events.statuses).toEqual(['connecting', 'open', 'reconnecting', 'open']);
  expect(events.errors[0]).toBeInstanceOf(NetworkError);

  events.unsubscribe();
  await until(() => events.statuses.at(-1) === 'closed');
  expect(server.seen).toHaveLength(2);
});

test('401 stops for good with the status "unauthorized"', async () => {
  const server = await serve(() => json(401, errorBody('unauthorized', 'token revoked')));
  const events = follow(server.url);
  await until(() => events.statuses.includes('unauthorized'));
  // A retry would report "reconnecting" in the same turn as "unauthorized": none follows.
  expect(server.seen).toHaveLength(1);
  expect(events.statuses).toEqual(['connecting', 'unauthorized']);
  expect(events.errors[0]).toBeInstanceOf(ApiError);
  expect((events.errors[0] as ApiError).code).toBe('unauthorized');
});

test('a 5xx answer is retried with backoff until the stream opens', async () => {
  const server = await serve([
    json(503, errorBody('internal', 'restarting')),
    json(503, errorBody('internal', 'restarting')),
    stream([frame(3)], 'hold'),
  ]);
  const events = follow(server.url, { lastEventId: '2' });
  await until(() => events.versions.length === 1);
  expect(events.versions).toEqual([3]);
  expect(server.seen.map((r) => r.headers['last-event-id'])).toEqual(['2', '2', '2']);
  expect(events.errors.map((e) => (e as ApiError).status)).toEqual([503, 503]);
});

test('an invalid snapshot is skipped and not acknowledged by Last-Event-ID', async () => {
  const invalid = `event: snapshot\nid: 8\ndata: ${JSON.stringify({ version: 8 })}\n\n`;
  const server = await serve([stream([frame(7), invalid], 'drop'), stream([frame(8)], 'hold')]);
  const events = follow(server.url);
  await until(() => events.versions.length === 2);
  expect(events.versions).toEqual([7, 8]);
  expect(server.seen[1]!.headers['last-event-id']).toBe('7');
});

test('a silent connection (no heartbeat) is dropped and opened again', async () => {
  const server = await serve([stream([], 'hold'), stream([frame(5)], 'hold')]);
  const events = follow(server.url, { idleTimeoutMs: 150 });
  await until(() => events.versions.length === 1);
  expect(server.seen).toHaveLength(2);
  expect(events.errors[0]?.message).toMatch(/no data for 150 ms/);
});

test('aborting the signal closes the stream', async () => {
  let closedByClient = false;
  const server = await serve([
    (req, res) => {
      res.on('close', () => {
        closedByClient = true;
      });
      stream([frame(1)], 'hold')(req, res, undefined as never);
    },
  ]);
  const events = follow(server.url);
  await until(() => events.versions.length === 1);
  events.controller.abort();
  await until(() => closedByClient);
  expect(events.statuses.at(-1)).toBe('closed');
  expect(server.seen).toHaveLength(1);
});
