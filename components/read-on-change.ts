import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../lib/billing/errors.ts';

export interface Read<T> {
  value: T | null;
  error: string | null;
}

const nothing: Read<never> = { value: null, error: null };

/**
 * What `read` answers for `whose` (the member signed in), read again whenever `whose` or one of
 * `keys` changes (a new Snapshot version, a change made here). Between reads the last value
 * stays on screen, but only for the member it was read for: after another member signs in,
 * nothing shows until that member's own answer arrives. An answer that comes after the keys
 * moved on is dropped. No `read` (not yet possible): nothing is read.
 */
export function useReadOnChange<T>(
  read: (() => Promise<T>) | null,
  whose: string | undefined,
  keys: readonly unknown[],
): Read<T> {
  const [state, setState] = useState<Read<T> & { whose: string | undefined }>({
    ...nothing,
    whose,
  });
  useEffect(() => {
    if (!read) return;
    let current = true;
    read().then(
      (value) => current && setState({ value, error: null, whose }),
      (reason) =>
        current &&
        setState((last) => ({
          ...(last.whose === whose ? last : nothing),
          error: errorMessage(reason),
          whose,
        })),
    );
    return () => {
      current = false;
    };
  }, [read, whose, ...keys]);
  return state.whose === whose ? state : nothing;
}
