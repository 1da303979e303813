import { vi } from 'vitest';

/**
 * Waits until `read` gives something (not undefined, not false) and returns it; fails after
 * `timeoutMs`. For states that no event announces to the test: it polls (vi.waitFor), so it ends
 * as soon as the state is reached, never after a fixed time.
 */
export function until<T>(read: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  return vi.waitFor(
    () => {
      const value = read();
      if (value === undefined || value === false) throw new Error('timed out waiting');
      return value;
    },
    { timeout: timeoutMs, interval: 10 },
  );
}
