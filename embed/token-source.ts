import { configuredDefaults, onConfigure } from './configure.ts';

/** The host's function that returns the signed-in member's token (it owns the session). */
export type GetToken = () => string | Promise<string>;

export class TokenUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenUnavailableError';
  }
}

export interface TokenSource {
  /** The current token from the host; waits until the host has provided a getToken. */
  token(): Promise<string>;
  /** Tell waiting callers that a getToken may have arrived (element property set). */
  provided(): void;
  dispose(): void;
}

/**
 * The token comes only from a host function, asked at the moment it is needed, and is never
 * written to an attribute, the DOM or storage. `own` is the widget's own getToken (option or
 * element property); `Tally.configure({ getToken })` is the page-wide fallback.
 */
export function createTokenSource(own: () => GetToken | undefined): TokenSource {
  let waiters: Array<() => void> = [];
  const wake = () => {
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  };
  const stopListening = onConfigure(wake);
  const current = () => own() ?? configuredDefaults().getToken;

  // Requests that start together (snapshot, catalog, events) share one call to the host: its
  // getToken may be a round trip to its backend. Nothing is kept once that call settles.
  let inFlight: Promise<string> | undefined;
  async function ask(): Promise<string> {
    let getToken = current();
    // A script tag may define the element before the host has set getToken: wait for it.
    while (!getToken) {
      await new Promise<void>((resolve) => waiters.push(resolve));
      getToken = current();
    }
    const token = await getToken();
    if (typeof token !== 'string' || token.trim() === '') {
      throw new TokenUnavailableError('The host page returned no token: sign in again.');
    }
    return token;
  }

  return {
    token() {
      inFlight ??= ask().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    provided: wake,
    dispose() {
      stopListening();
      wake();
    },
  };
}
