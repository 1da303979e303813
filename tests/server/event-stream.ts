// A client of GET /v1/events for the server tests: collects the snapshots a stream sends.
import { createParser } from 'eventsource-parser';
import { expect } from 'vitest';
import type { TestServer } from '../support/server.ts';

/** The fields of a pushed Snapshot that the stream tests read. */
export interface PushedSnapshot {
  version: number;
  member: { name: string };
  credits: { available: string };
}

export interface Stream {
  events: { id?: string | undefined; event?: string | undefined; data: string }[];
  next(predicate: (data: { version: number }) => boolean, ms?: number): Promise<unknown>;
  /** Waits for an event of that type (`alert`, `upgrade-request`) whose data matches. */
  nextOf<T>(event: string, predicate: (data: T) => boolean, ms?: number): Promise<T>;
  /** The data of every event of that type so far, in order. */
  all<T>(event: string): T[];
  /** Settles when the server ended the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Opens GET /v1/events for `token`; `next` waits for a snapshot that matches. */
export async function openStream(
  server: Pick<TestServer, 'url'>,
  token: string,
  lastEventId?: string,
): Promise<Stream> {
  const controller = new AbortController();
  const response = await fetch(`${server.url}/v1/events`, {
    headers: {
      authorization: `Bearer ${token}`,
      ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
    },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
  const events: Stream['events'] = [];
  const waiters = new Set<() => void>();
  const parser = createParser({
    onEvent: (event) => {
      events.push(event);
      for (const wake of waiters) wake();
    },
  });
  const ended = (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        parser.feed(decoder.decode(chunk, { stream: true }));
      }
    } catch {}
  })();
  return {
    events,
    ended,
    next(predicate, ms = 3000) {
      return waitFor((e) => predicate(JSON.parse(e.data)), ms);
    },
    nextOf<T>(event: string, predicate: (data: T) => boolean, ms = 3000) {
      return waitFor((e) => e.event === event && predicate(JSON.parse(e.data)), ms) as Promise<T>;
    },
    all<T>(event: string) {
      return events.filter((e) => e.event === event).map((e) => JSON.parse(e.data) as T);
    },
    close: () => controller.abort(),
  };

  function waitFor(matches: (event: Stream['events'][number]) => boolean, ms: number) {
    return new Promise<unknown>((resolve, reject) => {
      const check = () => {
        const found = events.find(matches);
        if (found) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(JSON.parse(found.data));
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no matching event in ${ms} ms; got ${events.length}`));
      }, ms);
      waiters.add(check);
      check();
    });
  }
}
