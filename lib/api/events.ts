import { type ApiError, InvalidResponseError, NetworkError } from './errors.ts';
import { apiErrorFrom, tokenSource, urlFor } from './request.ts';
import { snapshotCheck } from './response-shapes.ts';
import { backoffMs, defaultRetry, type RetryOptions, sleep } from './retry.ts';
import type { Snapshot } from './schemas/snapshot.ts';
import type { WireCheck } from './shape-check.ts';
import { createSseParser, type ServerSentEvent } from './sse-parser.ts';

export type EventsStatus = 'connecting' | 'open' | 'reconnecting' | 'unauthorized' | 'closed';

export interface SubscribeEventsOptions {
  baseUrl: string;
  /** Asked before every connection; or a fixed `token`. */
  getToken?: () => string | Promise<string>;
  token?: string;
  fetch?: typeof fetch | undefined;
  onSnapshot: (snapshot: Snapshot) => void;
  /**
   * Any other event (`alert`, `upgrade-request`), unparsed: the caller checks the data of the
   * events it reads, so a client that reads none carries no checks for them.
   */
  onOtherEvent?: (event: ServerSentEvent) => void;
  onStatus?: (status: EventsStatus) => void;
  /**
   * Why a connection failed or ended (NetworkError, ApiError), before the reconnect; or an
   * InvalidResponseError for a snapshot this client cannot read (the stream goes on).
   */
  onError?: (error: Error) => void;
  signal?: AbortSignal;
  /** Backoff between reconnects (`retries` is ignored: a stream reconnects until stopped). */
  retry?: Partial<RetryOptions>;
  /**
   * The server comments every 15 s (docs/api.md); silence this long means the connection is dead
   * and the numbers stale. 20 s by default: one missed heartbeat and a little slack.
   */
  idleTimeoutMs?: number;
  /** Resume after this Snapshot version (sent as Last-Event-ID). */
  lastEventId?: string;
}

/**
 * Follows `GET /v1/events`. EventSource cannot send an Authorization header, so this reads the
 * stream with fetch and parses it (sse-parser.ts). Reconnects with backoff and
 * Last-Event-ID until unsubscribed or aborted; stops for good on 401. Returns unsubscribe.
 */
export function subscribeEvents(options: SubscribeEventsOptions): () => void {
  const getToken = tokenSource(options);
  const stop = new AbortController();
  const onAbort = () => stop.abort(options.signal?.reason);
  if (options.signal?.aborted) stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  void follow({ ...options, getToken }, stop.signal).finally(() =>
    options.signal?.removeEventListener('abort', onAbort),
  );
  return () => stop.abort();
}

type Connection =
  | { kind: 'ended'; error: Error; waitMs?: number | undefined }
  | { kind: 'unauthorized'; error: ApiError };

async function follow(options: SubscribeEventsOptions, signal: AbortSignal) {
  const retry = { ...defaultRetry, ...options.retry };
  const report = (status: EventsStatus) => {
    if (!signal.aborted || status === 'closed') options.onStatus?.(status);
  };
  const state = { lastEventId: options.lastEventId, failures: 0 };
  report('connecting');
  while (!signal.aborted) {
    const outcome = await connect(options, signal, state, () => report('open'));
    if (signal.aborted) break;
    options.onError?.(outcome.error);
    if (outcome.kind === 'unauthorized') {
      report('unauthorized');
      return;
    }
    report('reconnecting');
    try {
      await sleep(outcome.waitMs ?? backoffMs(state.failures++, retry), signal);
    } catch {
      break;
    }
  }
  report('closed');
}

/** One connection, from the request to the end of its stream. */
async function connect(
  options: SubscribeEventsOptions,
  signal: AbortSignal,
  state: { lastEventId?: string | undefined; failures: number },
  onOpen: () => void,
): Promise<Connection> {
  const fetcher = options.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  try {
    const headers: Record<string, string> = {
      Accept: 'text/event-stream',
      Authorization: `Bearer ${await options.getToken?.()}`,
    };
    if (state.lastEventId !== undefined) headers['Last-Event-ID'] = state.lastEventId;
    response = await fetcher(urlFor(options.baseUrl, 'v1/events'), { headers, signal });
  } catch (cause) {
    return { kind: 'ended', error: new NetworkError('events: unreachable', { cause }) };
  }
  if (!response.ok || !response.body) {
    const error = apiErrorFrom(response, await response.text().catch(() => ''));
    if (error.status === 401) return { kind: 'unauthorized', error };
    return { kind: 'ended', error, waitMs: error.retryAfterMs };
  }
  state.failures = 0;
  onOpen();
  const ending = await readStream(response.body, options, signal, (message) => {
    if (message.id !== undefined) state.lastEventId = message.id;
  });
  return { kind: 'ended', error: ending };
}

/** Reads one connection until it ends, goes silent too long, or the caller stops. */
async function readStream(
  body: ReadableStream<Uint8Array>,
  options: SubscribeEventsOptions,
  signal: AbortSignal,
  onMessage: (message: ServerSentEvent) => void,
): Promise<NetworkError> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = createSseParser((message) => {
    if (message.event !== 'snapshot') return options.onOtherEvent?.(message);
    const snapshot = parseSnapshot(message.data);
    // An invalid snapshot is skipped and its id not kept, so a reconnect asks for it again.
    if (snapshot instanceof InvalidResponseError) {
      options.onError?.(snapshot);
      return;
    }
    onMessage({ ...message, id: message.id ?? String(snapshot.version) });
    try {
      options.onSnapshot(snapshot);
    } catch (error) {
      // A bug in the listener is not a broken stream: surface it without reconnecting.
      queueMicrotask(() => {
        throw error;
      });
    }
  });
  let ending = new NetworkError('events: the stream ended');
  const idleMs = options.idleTimeoutMs ?? 20_000;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const armIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      ending = new NetworkError(`events: no data for ${idleMs} ms`);
      reader.cancel().catch(() => {});
    }, idleMs);
  };
  const onAbort = () => void reader.cancel().catch(() => {});
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    armIdle();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return ending;
      armIdle();
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } catch (cause) {
    return new NetworkError('events: the connection broke', { cause });
  } finally {
    clearTimeout(idle);
    signal.removeEventListener('abort', onAbort);
  }
}

const parseSnapshot = (data: string) => readEventData(data, snapshotCheck, 'snapshot');

/**
 * One event's data, checked with a shape of response-shapes.ts, not zod: the embed follows this
 * stream too. An InvalidResponseError saying what was wrong otherwise.
 */
export function readEventData<T>(
  data: string,
  check: WireCheck<T>,
  what: string,
): T | InvalidResponseError {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return new InvalidResponseError(`events: a ${what} that is not JSON`, 200);
  }
  const parsed = check.safeParse(json);
  return parsed.success
    ? parsed.data
    : new InvalidResponseError(`events: unexpected ${what}`, 200, parsed.error.issues);
}
