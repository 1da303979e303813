import { type ApiClient, createApiClient } from '../../lib/api/client.ts';
import type { EditorDeps } from './deps.ts';

// The host name is never resolved: requests go straight into the billing app's fetch.
export const IN_PROCESS = 'http://billing.internal';

/** A lib/api client acting for one member, talking to the billing app in-process. */
export function billingClientFor(billing: EditorDeps['billing'], token: string): ApiClient {
  return createApiClient({
    baseUrl: IN_PROCESS,
    getToken: () => token,
    fetch: async (input, init) => billing(new Request(input, init)),
    // In-process there is no flaky network to wait out; a 5xx is a bug to show, not to retry.
    retry: { retries: 0 },
  });
}
