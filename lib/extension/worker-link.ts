import { browser } from 'wxt/browser';
import { backoffMs, type RetryOptions } from '../api/retry.ts';
import type {
  LiveMessage,
  Replies,
  Request,
  RequestOf,
  RequestType,
  WorkerPortMessage,
} from './messages.ts';
import { LIVE_PORT } from './ui-ports.ts';

/** The parts of a client-side `runtime.Port` the link uses. */
export interface ClientPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** A refusal from the worker; `code` is the API's error code when there is one. */
export class WorkerError extends Error {
  override readonly name = 'WorkerError';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Requests that change nothing: safe to send again on a new port after the worker restarted. */
const REPEATABLE: ReadonlySet<RequestType> = new Set([
  'get-state',
  'refresh',
  'catalog',
  'preview-plan-change',
  'ledger',
  'get-settings',
  'usage-recorded',
  'facts',
  'quote',
  'upgrades',
  // Waits for an answer the worker keeps in session storage: asked again, it finds it.
  'consent-outcome',
]);

/** The link reconnects for as long as its page is open. */
const RECONNECT: RetryOptions = { retries: Number.POSITIVE_INFINITY, baseMs: 50, maxMs: 5_000 };

interface Pending {
  request: Request;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * A UI's line to the background worker: one runtime port for requests and pushed state.
 * MV3 stops idle workers (and a test stops it on purpose): the port then disconnects, and the
 * link connects again at once, which wakes the worker; requests that change nothing are sent
 * again, others fail with a message saying to try again.
 */
export class WorkerLink {
  #port: ClientPort | null = null;
  #nextId = 1;
  #pending = new Map<number, Pending>();
  #listeners = new Set<(message: LiveMessage) => void>();
  #closed = false;
  #failures = 0;
  #onRefused: (reason: WorkerError) => void = () => {};
  #refusal = new Promise<WorkerError>((resolve) => {
    this.#onRefused = resolve;
  });

  constructor(private readonly connect: () => ClientPort) {}

  /** Sends `request`; resolves with the worker's reply to its type (see `Replies`). */
  request<K extends RequestType>(request: RequestOf<K>): Promise<Replies[K]> {
    return new Promise<Replies[K]>((resolve, reject) => {
      const id = this.#nextId++;
      // The worker answers each id with the reply to that request's type.
      const settle = (value: unknown) => resolve(value as Replies[K]);
      this.#pending.set(id, { request, resolve: settle, reject });
      this.#post(id, request);
    });
  }

  onLive(listener: (message: LiveMessage) => void): () => void {
    this.#listeners.add(listener);
    this.#ensurePort();
    return () => this.#listeners.delete(listener);
  }

  /** Resolves when the link ends for good: the worker refused this page, or it was closed. */
  get refused(): Promise<WorkerError> {
    return this.#refusal;
  }

  close(): void {
    this.#refuse(new WorkerError('closed', 'Closed.'));
  }

  #refuse(reason: WorkerError): void {
    this.#closed = true;
    const port = this.#port;
    this.#port = null;
    port?.disconnect();
    for (const pending of this.#pending.values()) pending.reject(reason);
    this.#pending.clear();
    this.#onRefused(reason);
  }

  #post(id: number, request: Request): void {
    const port = this.#ensurePort();
    try {
      port?.postMessage({ id, request });
    } catch {
      // The port died between checks; its disconnect handler resends or rejects.
    }
  }

  #ensurePort(): ClientPort | null {
    if (this.#port || this.#closed) return this.#port;
    let port: ClientPort;
    try {
      port = this.connect();
    } catch (error) {
      // The extension was reloaded or removed: this page's script is orphaned for good.
      this.#refuse(
        new WorkerError('closed', `Tally is not available here any more (${String(error)}).`),
      );
      return null;
    }
    this.#port = port;
    port.onMessage.addListener((message) => this.#receive(message as WorkerPortMessage));
    port.onDisconnect.addListener(() => this.#lost(port));
    return port;
  }

  #receive(message: WorkerPortMessage): void {
    this.#failures = 0;
    if (message.type === 'reply') {
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#pending.delete(message.id);
      if (message.reply.ok) pending.resolve(message.reply.value);
      else pending.reject(new WorkerError(message.reply.error.code, message.reply.error.message));
      return;
    }
    if (message.type === 'refused') {
      this.#refuse(new WorkerError('forbidden', message.message));
      return;
    }
    for (const listener of this.#listeners) listener(message);
  }

  #lost(port: ClientPort): void {
    if (this.#port !== port) return;
    this.#port = null;
    if (this.#closed) return;
    const resend: [number, Request][] = [];
    for (const [id, pending] of this.#pending) {
      if (REPEATABLE.has(pending.request.type)) resend.push([id, pending.request]);
      else {
        pending.reject(
          new WorkerError('restarted', 'Tally restarted before it answered; try again.'),
        );
        this.#pending.delete(id);
      }
    }
    // Reconnect soon, sooner than a person notices, backing off if the worker keeps failing;
    // jittered, so the tabs a restarted worker lost do not all wake it in the same instant.
    const delay = backoffMs(this.#failures, RECONNECT);
    this.#failures += 1;
    setTimeout(() => {
      if (this.#closed || (this.#listeners.size === 0 && resend.length === 0)) return;
      this.#ensurePort();
      for (const [id, request] of resend) this.#post(id, request);
    }, delay);
  }
}

/** A UI's link to the background worker over the live port. */
export function linkToWorker(): WorkerLink {
  return new WorkerLink(() => browser.runtime.connect({ name: LIVE_PORT }));
}
