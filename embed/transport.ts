import { type ReadonlySignal, signal } from '@preact/signals';
import { readAlertEvent } from '../lib/api/alert-event.ts';
import { InvalidResponseError, isApiError } from '../lib/api/errors.ts';
import { subscribeEvents } from '../lib/api/events.ts';
import { memberRequests } from '../lib/api/member-requests.ts';
import { type Transport, transportFor } from '../lib/api/request.ts';
import {
  catalogCheck,
  ledgerPageCheck,
  planChangePreviewCheck,
  planChangeResultCheck,
  snapshotCheck,
} from '../lib/api/response-shapes.ts';
import type { AlertEvent, Snapshot } from '../lib/api/schemas/snapshot.ts';
import type { CreditSource, CreditUpdate } from '../lib/store/credit-source.ts';
import type { TokenSource } from './token-source.ts';
import { sessionExpired, type TransportError, toTransportError } from './transport-error.ts';

export interface EmbedTransportOptions {
  /** The billing API's base URL, e.g. "https://billing.example.com". */
  api: string;
  tokens: TokenSource;
  /** How often to poll GET /v1/me while the events stream is down. */
  pollMs?: number;
  fetch?: typeof fetch;
  clock?: () => number;
}

/** How a part of the embed loaded later (the team) calls the API: the same token and 401 rule. */
export interface EmbedApi {
  transport: Transport;
  call<T>(action: () => Promise<T>): Promise<T>;
}

export type EmbedTransport = CreditSource & {
  api: EmbedApi;
  /** The last low-balance alert heard on the stream (`event: alert`), for the banner. */
  alert: ReadonlySignal<AlertEvent | null>;
  dispose(): void;
};

// A refused origin or a dead server will not answer the next attempt either: a few quick
// retries, then "cannot reach billing" on screen instead of a long silent wait.
const RETRY = { retries: 2, baseMs: 250, maxMs: 2_000 };

/**
 * The embed's CreditSource: straight to the billing API with the host's token. A snapshot from
 * GET /v1/me, live updates from GET /v1/events, and a poll while the stream is down. The
 * token is asked from the host for every request and kept nowhere. Answers are checked by
 * the shapes of response-shapes.ts (zod would be a quarter of the embed's size budget).
 */
export function createEmbedTransport(options: EmbedTransportOptions): EmbedTransport {
  const { api, tokens } = options;
  const clock = options.clock ?? Date.now;
  const pollMs = options.pollMs ?? 10_000;
  let lastToken: string | undefined;
  const getToken = async () => {
    lastToken = await tokens.token();
    return lastToken;
  };
  const transport = transportFor({ baseUrl: api, getToken, fetch: options.fetch, retry: RETRY });
  const client = memberRequests(transport, {
    snapshot: snapshotCheck,
    catalog: catalogCheck,
    planChangePreview: planChangePreviewCheck,
    planChangeResult: planChangeResultCheck,
    ledgerPage: ledgerPageCheck,
  });
  const listeners = new Set<(update: CreditUpdate) => void>();
  let lastSyncedAt: string | undefined;
  const alert = signal<AlertEvent | null>(null);
  let live: { stop(): void } | undefined;

  const emit = (update: CreditUpdate) => {
    for (const listener of listeners) listener(update);
  };
  const fresh = (snapshot: Snapshot) => {
    lastSyncedAt = new Date(clock()).toISOString();
    emit({ kind: 'snapshot', snapshot, syncedAt: lastSyncedAt });
    return snapshot;
  };
  let warned = false;
  const failed = (error: unknown): TransportError => {
    const failure = toTransportError(error, api);
    if (failure.code === 'unreachable' && !warned) {
      warned = true;
      // For the vendor's developer: a CORS refusal and a dead server look alike from script.
      const origin = globalThis.location?.origin ?? 'this page';
      console.warn(
        `Tally: cannot reach billing at ${api} from ${origin}. If the server is running, add ${origin} to its TALLY_CORS_ORIGINS.`,
      );
    }
    emit({
      kind: 'status',
      status: failure.status,
      syncedAt: lastSyncedAt,
      error: failure.message,
    });
    return failure;
  };

  /** One call; after a 401 the host may have renewed its session, so ask it once more. */
  async function call<T>(action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      if (!isApiError(error, 'unauthorized')) throw toTransportError(error, api);
      const used = lastToken;
      if ((await tokens.token()) === used) throw toTransportError(error, api);
      try {
        return await action();
      } catch (again) {
        throw toTransportError(again, api);
      }
    }
  }

  async function refresh(): Promise<void> {
    try {
      fresh(await call(() => client.me()));
    } catch (error) {
      throw failed(error);
    }
  }

  function startLive(): { stop(): void } {
    const abort = new AbortController();
    let poll: ReturnType<typeof setInterval> | undefined;
    const startPolling = () => {
      poll ??= setInterval(() => void refresh().catch(() => {}), pollMs);
    };
    const stopPolling = () => {
      clearInterval(poll);
      poll = undefined;
    };
    let wasDown = false;
    subscribeEvents({
      baseUrl: api,
      getToken,
      fetch: options.fetch,
      signal: abort.signal,
      onSnapshot: fresh,
      onOtherEvent(event) {
        if (event.event !== 'alert') return;
        const heard = readAlertEvent(event.data);
        // Skipped, not fatal: the Snapshot before it already lists the alert (FiredAlerts).
        if (heard instanceof InvalidResponseError) console.warn(`Tally: ${heard.message}`, heard);
        else alert.value = heard;
      },
      // A snapshot this embed cannot read: say it needs an update rather than go stale quietly.
      onError(error) {
        if (error instanceof InvalidResponseError) failed(error);
      },
      onStatus(status) {
        if (status === 'open') {
          stopPolling();
          // Whatever changed while the stream was down: catch up now.
          if (wasDown) void refresh().catch(() => {});
          wasDown = false;
        } else if (status === 'reconnecting') {
          wasDown = true;
          startPolling();
        } else if (status === 'unauthorized') {
          stopPolling();
          failed(sessionExpired());
        }
      },
    });
    return {
      stop() {
        stopPolling();
        abort.abort();
      },
    };
  }

  return {
    // Nothing is cached across page loads: the host page's storage is not ours to use.
    load: async () => null,
    refresh,
    subscribe(listener) {
      listeners.add(listener);
      live ??= startLive();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          live?.stop();
          live = undefined;
        }
      };
    },
    catalog: () => call(() => client.catalog()),
    previewPlanChange: (planId) => call(() => client.previewPlanChange({ planId })),
    async changePlan(planId) {
      return fresh((await call(() => client.changePlan({ planId }))).snapshot);
    },
    async setOveragePolicy(policy, capUsd) {
      return fresh(await call(() => client.setOveragePolicy({ policy, capUsd })));
    },
    ledger: async (limit = 10) => (await call(() => client.ledger({ limit }))).entries,
    api: { transport, call },
    alert,
    dispose() {
      live?.stop();
      live = undefined;
      listeners.clear();
    },
  };
}
