export interface RetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  /** The first backoff ceiling; it doubles with every attempt. */
  baseMs: number;
  /** The largest backoff ceiling. */
  maxMs: number;
}

export const defaultRetry: RetryOptions = { retries: 4, baseMs: 300, maxMs: 10_000 };

/**
 * Exponential backoff with full jitter (a uniform draw below the ceiling), so clients that
 * failed together do not come back together.
 */
export function backoffMs(attempt: number, options: RetryOptions, random = Math.random): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** `Retry-After` in milliseconds: delay-seconds or an HTTP date; undefined when absent or bad. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number.parseInt(header, 10) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
