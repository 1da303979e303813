import { readAlertEvent } from '../api/alert-event.ts';
import { createApiClient } from '../api/client.ts';
import { ApiError, InvalidResponseError } from '../api/errors.ts';
import { subscribeEvents } from '../api/events.ts';
import type { Connection } from './connection-vault.ts';
import type { StreamHandlers } from './sync-engine.ts';

// The worker's only doors to the billing API; the token goes no further than these calls.

/** Few retries: the sync engine retries on its own schedule, and "offline" should show soon. */
const WORKER_RETRY = { retries: 2, baseMs: 250, maxMs: 2_000 };

export function apiClientFor(connection: Connection, fetcher?: typeof fetch) {
  return createApiClient({
    baseUrl: connection.baseUrl,
    getToken: () => connection.token,
    retry: WORKER_RETRY,
    ...(fetcher ? { fetch: fetcher } : {}),
  });
}

export function openEventStream(connection: Connection, handlers: StreamHandlers): () => void {
  let opened = false;
  return subscribeEvents({
    baseUrl: connection.baseUrl,
    getToken: () => connection.token,
    retry: { baseMs: 500, maxMs: 10_000 },
    onSnapshot: handlers.onSnapshot,
    onOtherEvent: (event) => {
      if (event.event !== 'alert') return;
      // What this worker cannot read is skipped: the next Snapshot still carries the alerts.
      const alert = readAlertEvent(event.data);
      if (!(alert instanceof InvalidResponseError)) handlers.onAlert(alert);
    },
    onStatus: (status) => {
      if (status === 'open') {
        opened = true;
        handlers.onOpen();
      } else if (status === 'reconnecting' && opened) {
        opened = false;
        handlers.onTrouble();
      } else if (status === 'unauthorized') {
        handlers.onError(new ApiError(401, 'unauthorized', 'The token was refused.'));
      }
    },
  });
}
