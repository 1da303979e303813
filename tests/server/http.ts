// A small JSON client over fetch for the server tests: status + parsed body, a fresh
// Idempotency-Key per POST unless one is given (null sends none).
import { randomUUID } from 'node:crypto';
import type { TestServer } from '../support/server.ts';

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the server answered
  body: any;
  /** The body as it came, byte for byte. */
  text: string;
  headers: Headers;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {}
  return { status: response.status, body, text, headers: response.headers };
}

export function client(server: Pick<TestServer, 'url'>, token: string) {
  const headers = (extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
    ...extra,
  });
  // PUT and PATCH need no Idempotency-Key (docs/api.md).
  const send = async (method: string, path: string, body: unknown) =>
    answer(
      await fetch(`${server.url}${path}`, {
        method,
        headers: headers(),
        body: JSON.stringify(body),
      }),
    );
  return {
    async get(path: string): Promise<Answer> {
      return answer(await fetch(`${server.url}${path}`, { headers: headers() }));
    },
    async post(path: string, body: unknown, key: string | null = randomUUID()): Promise<Answer> {
      return answer(
        await fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: headers(key === null ? {} : { 'idempotency-key': key }),
          body: JSON.stringify(body),
        }),
      );
    },
    put(path: string, body: unknown): Promise<Answer> {
      return send('PUT', path, body);
    },
    patch(path: string, body: unknown): Promise<Answer> {
      return send('PATCH', path, body);
    },
    async delete(path: string): Promise<Answer> {
      return answer(await fetch(`${server.url}${path}`, { method: 'DELETE', headers: headers() }));
    },
  };
}

export type Client = ReturnType<typeof client>;

/** Sets (`now`) or moves (`advance`) the server's dev clock. */
export async function clock(
  server: Pick<TestServer, 'url'>,
  body: { now: string } | { advance: string },
): Promise<Answer> {
  return answer(
    await fetch(`${server.url}/v1/dev/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}

/** Every item of a paged list of the caller's account, oldest first (follows the `next` cursors). */
async function allPages(api: Client, list: 'ledger' | 'charges', items: 'entries' | 'charges') {
  const all = [];
  let before: string | null = null;
  do {
    const page: Answer = await api.get(`/v1/${list}?limit=200${before ? `&before=${before}` : ''}`);
    if (page.status !== 200) throw new Error(`${list} answered ${page.status}`);
    all.push(...page.body[items]);
    before = page.body.next;
  } while (before);
  return all.reverse();
}

/** Every ledger entry of the caller's account, oldest first. */
export function allEntries(api: Client) {
  return allPages(api, 'ledger', 'entries');
}

/** Every charge of the caller's account, oldest first. */
export function allCharges(api: Client) {
  return allPages(api, 'charges', 'charges');
}
