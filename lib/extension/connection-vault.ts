// Where the worker keeps the API base URL and the member token. Not storage.local/sync:
// content scripts can read those. IndexedDB belongs to the extension's origin; a content
// script runs in the page's origin and cannot open it, and it outlives worker restarts.
import { createStore, del, get, set } from 'idb-keyval';

export interface Connection {
  /** The billing API's base URL, e.g. "http://127.0.0.1:8787". */
  baseUrl: string;
  token: string;
}

export interface ConnectionVault {
  load(): Promise<Connection | null>;
  save(connection: Connection): Promise<void>;
  clear(): Promise<void>;
}

const KEY = 'connection';

/** The worker's own IndexedDB database; the names are those earlier versions used. */
export function indexedDbVault(name = 'tally-worker'): ConnectionVault {
  const store = createStore(name, 'secrets');
  return {
    async load() {
      const value = await get<unknown>(KEY, store);
      return isConnection(value) ? value : null;
    },
    save: (connection) => set(KEY, { ...connection }, store),
    clear: () => del(KEY, store),
  };
}

function isConnection(value: unknown): value is Connection {
  if (typeof value !== 'object' || value === null) return false;
  const { baseUrl, token } = value as Record<string, unknown>;
  return typeof baseUrl === 'string' && typeof token === 'string';
}
