import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../lib/billing/errors.ts';

export interface Read<T> {
  value: T | null;
  error: string | null;
}

/**
 * What `read` answers, read again whenever one of `keys` changes (a new Snapshot version, a
 * change made here); the last value stays on screen until the next one arrives, and an answer
 * that comes after the keys moved on is dropped. No `read` (not yet possible): nothing is read.
 */
export function useReadOnChange<T>(
  read: (() => Promise<T>) | null,
  keys: readonly unknown[],
): Read<T> {
  const [state, setState] = useState<Read<T>>({ value: null, error: null });
  useEffect(() => {
    if (!read) return;
    let current = true;
    read().then(
      (value) => current && setState({ value, error: null }),
      (reason) => current && setState((last) => ({ ...last, error: errorMessage(reason) })),
    );
    return () => {
      current = false;
    };
  }, keys);
  return state;
}
