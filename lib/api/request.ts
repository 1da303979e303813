import {
  ApiError,
  codeForStatus,
  type ErrorCode,
  errorStatus,
  InvalidResponseError,
  NetworkError,
} from './errors.ts';
import { IDEMPOTENCY_KEY_HEADER, newIdempotencyKey } from './idempotency.ts';
import { errorBodyCheck } from './response-shapes.ts';
import { backoffMs, defaultRetry, type RetryOptions, retryAfterMs, sleep } from './retry.ts';
import type { WireCheck } from './shape-check.ts';

export interface Transport {
  baseUrl: string;
  /** Called before every attempt, so a refreshed token is picked up by retries. */
  getToken?: (() => string | Promise<string>) | undefined;
  fetch: typeof fetch;
  retry: RetryOptions;
}

export interface ApiClientOptions {
  /** The server's origin (and path prefix, if any), e.g. "http://127.0.0.1:8787". */
  baseUrl: string;
  /**
   * A member token, or the operator key for the operator methods: `getToken` is asked before
   * every attempt (a refreshed token reaches retries); `token` is for a fixed one.
   */
  getToken?: () => string | Promise<string>;
  token?: string;
  fetch?: typeof fetch | undefined;
  retry?: Partial<RetryOptions>;
}

export function transportFor(options: ApiClientOptions): Transport {
  return {
    baseUrl: options.baseUrl,
    getToken: tokenSource(options),
    // Bound: a detached `fetch` throws "Illegal invocation" in browsers.
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    retry: { ...defaultRetry, ...options.retry },
  };
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Reuse a key across calls (e.g. after a restart); by default each call makes its own. */
  idempotencyKey?: string;
}

export interface RequestSpec<T> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** A state-changing POST: sends an Idempotency-Key, the same one on every retry. */
  idempotent?: boolean;
  /** False for a call that is unsafe to repeat and has no key (the dev clock's `advance`). */
  retryable?: boolean;
  /** A zod schema, or a shape-check.ts checker where zod is too heavy to ship. */
  schema: WireCheck<T>;
}

export function urlFor(baseUrl: string, path: string, query: RequestSpec<unknown>['query'] = {}) {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const url = new URL(path.replace(/^\//, ''), base);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return url;
}

/** The longest `Retry-After` a call sleeps through before it gives the error to its caller. */
const maxRetryAfterMs = 60_000;

/** One call of the API: attempts, retries with backoff, and the answer parsed by its schema. */
export async function request<T>(
  transport: Transport,
  spec: RequestSpec<T>,
  options: CallOptions = {},
): Promise<T> {
  const key = spec.idempotent ? (options.idempotencyKey ?? newIdempotencyKey()) : undefined;
  for (let attempt = 0; ; attempt++) {
    const canRetry = spec.retryable !== false && attempt < transport.retry.retries;
    let response: Response;
    try {
      response = await transport.fetch(urlFor(transport.baseUrl, spec.path, spec.query), {
        method: spec.method,
        headers: await headersFor(transport, spec, key),
        body: spec.body === undefined ? null : JSON.stringify(spec.body),
        signal: options.signal ?? null,
      });
    } catch (cause) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (!canRetry) throw new NetworkError(`${spec.method} ${spec.path}: unreachable`, { cause });
      await sleep(backoffMs(attempt, transport.retry), options.signal);
      continue;
    }
    const text = await readText(response, spec, options.signal);
    if (response.ok) return parseAnswer(spec, response.status, text);
    const error = apiErrorFrom(response, text);
    if (!canRetry || !isRetryable(error)) throw error;
    // Waiting minutes inside one call would freeze its caller: hand such a wait back instead.
    if ((error.retryAfterMs ?? 0) > maxRetryAfterMs) throw error;
    await sleep(error.retryAfterMs ?? backoffMs(attempt, transport.retry), options.signal);
  }
}

async function headersFor(transport: Transport, spec: RequestSpec<unknown>, key?: string) {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (transport.getToken) headers.Authorization = `Bearer ${await transport.getToken()}`;
  if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
  if (key !== undefined) headers[IDEMPOTENCY_KEY_HEADER] = key;
  return headers;
}

async function readText(response: Response, spec: RequestSpec<unknown>, signal?: AbortSignal) {
  try {
    return await response.text();
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    throw new NetworkError(`${spec.method} ${spec.path}: connection lost`, { cause });
  }
}

function parseAnswer<T>(spec: RequestSpec<T>, status: number, text: string): T {
  let json: unknown = null;
  try {
    // 204 No Content (a removal) has no body: the schema reads it as null.
    if (status !== 204) json = JSON.parse(text);
  } catch {
    throw new InvalidResponseError(`${spec.method} ${spec.path}: not JSON`, status);
  }
  const parsed = spec.schema.safeParse(json);
  if (!parsed.success) {
    throw new InvalidResponseError(
      `${spec.method} ${spec.path}: unexpected answer`,
      status,
      parsed.error.issues,
    );
  }
  return parsed.data;
}

export function apiErrorFrom(response: Response, text: string): ApiError {
  const retryAfter = retryAfterMs(response.headers.get('Retry-After'));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const body = errorBodyCheck.safeParse(json);
  // A code docs/api.md does not list (a newer server, a proxy) reads as its HTTP status's code.
  if (!body.success || !Object.hasOwn(errorStatus, body.data.error.code)) {
    const code = codeForStatus(response.status);
    return new ApiError(response.status, code, `HTTP ${response.status}`, {}, retryAfter);
  }
  const { code, message, details } = body.data.error;
  return new ApiError(response.status, code as ErrorCode, message, details, retryAfter);
}

/** Retry what another attempt can fix; never another 4xx (it would fail the same way). */
function isRetryable(error: ApiError): boolean {
  return error.status >= 500 || error.status === 429 || error.code === 'idempotency_in_flight';
}

/** A token getter from either option: `getToken` (asked every time) or a fixed `token`. */
export function tokenSource(options: {
  getToken?: () => string | Promise<string>;
  token?: string;
}): () => string | Promise<string> {
  if (options.getToken) return options.getToken;
  const { token } = options;
  if (token === undefined) throw new TypeError('give getToken or token');
  return () => token;
}
