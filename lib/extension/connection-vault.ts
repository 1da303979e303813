// Where the worker keeps the API base URL and the member token. Not storage.local/sync:
// content scripts can read those. IndexedDB belongs to the extension's origin; a content
// script runs in the page's origin and cannot open it, and it outlives worker restarts.

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

const STORE = 'secrets';
const KEY = 'connection';

export function indexedDbVault(
  factory: IDBFactory = indexedDB,
  name = 'tally-worker',
): ConnectionVault {
  let opened: Promise<IDBDatabase> | null = null;
  const open = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => {
        opened = null;
        reject(request.error);
      };
    });
    return opened;
  };
  const run = async <T>(
    mode: IDBTransactionMode,
    act: (store: IDBObjectStore) => IDBRequest<T>,
  ) => {
    const db = await open();
    return new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = act(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  };
  return {
    async load() {
      const value = await run<unknown>('readonly', (store) => store.get(KEY));
      return isConnection(value) ? value : null;
    },
    async save(connection) {
      await run('readwrite', (store) => store.put({ ...connection }, KEY));
    },
    async clear() {
      await run('readwrite', (store) => store.delete(KEY));
    },
  };
}

function isConnection(value: unknown): value is Connection {
  if (typeof value !== 'object' || value === null) return false;
  const { baseUrl, token } = value as Record<string, unknown>;
  return typeof baseUrl === 'string' && typeof token === 'string';
}
