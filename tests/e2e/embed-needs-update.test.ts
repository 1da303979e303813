// The built embed in a real Chromium against a billing server that speaks a newer contract
// (a role this version does not know) or sends a broken snapshot on its events stream: the
// widget says "Tally needs an update" instead of crashing or showing numbers it misread.
import { readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { snapshot } from '../api/fixtures.ts';
import { type HostPage, startHostPage } from '../embed/host-page.ts';
import { available, widget } from '../embed/shadow.ts';
import { CHROMIUM_ARGS } from '../support/browser.ts';

const PATIENT = { timeout: 15_000 };

interface NewerBilling {
  url: string;
  /** What GET /v1/me answers. */
  me: unknown;
  /** Sends one `snapshot` event with this data on every open events stream. */
  push(data: string): void;
  close(): Promise<void>;
}

/** A loopback billing server that answers what a test tells it to, with the built embed. */
async function startNewerBilling(): Promise<NewerBilling> {
  const streams = new Set<ServerResponse>();
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'authorization, content-type, last-event-id',
  };
  const billing: Partial<NewerBilling> = { me: snapshot() };
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors).end();
    } else if (/^\/embed\/[\w.-]+\.m?js$/.test(path)) {
      // The classic loader and the modules it imports (module scripts need CORS).
      response.writeHead(200, { ...cors, 'content-type': 'text/javascript' });
      response.end(readFileSync(`dist${path}`));
    } else if (path === '/v1/me') {
      response.writeHead(200, { ...cors, 'content-type': 'application/json' });
      response.end(JSON.stringify(billing.me));
    } else if (path === '/v1/events') {
      response.writeHead(200, { ...cors, 'content-type': 'text/event-stream' });
      response.write(': open\n\n');
      streams.add(response);
      response.on('close', () => streams.delete(response));
    } else {
      response.writeHead(404, { ...cors, 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'not_found', message: 'Not here.' } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return Object.assign(billing, {
    url: `http://127.0.0.1:${port}`,
    push(data: string) {
      for (const stream of streams) stream.write(`event: snapshot\ndata: ${data}\n\n`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  }) as NewerBilling;
}

let browser: Browser;
let billing: NewerBilling;
let host: HostPage;

beforeAll(async () => {
  [billing, host, browser] = await Promise.all([
    startNewerBilling(),
    startHostPage(),
    chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS }),
  ]);
  host.serve({ billingUrl: billing.url, token: 'tok_member' });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([billing?.close(), host?.close()]);
});

describe('an answer this embed cannot read', () => {
  test('a newer server’s snapshot (a role it does not know): "Tally needs an update"', async () => {
    billing.me = { ...snapshot(), member: { id: 'mem_milo', name: 'Milo', role: 'owner' } };
    const page = await browser.newPage();
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.goto(host.origin);
    const notice = widget(page).getByRole('alert');
    await expect.poll(() => notice.getAttribute('data-notice'), PATIENT).toBe('needs-update');
    expect(await notice.textContent()).toContain('Tally needs an update');
    expect(await available(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a broken snapshot on the events stream replaces the numbers with the notice', async () => {
    billing.me = snapshot();
    const page = await browser.newPage();
    await page.goto(host.origin);
    await expect.poll(() => available(page).textContent(), PATIENT).toBe('4,568.7');
    billing.push(JSON.stringify({ ...snapshot(8), credits: { available: 4000 } }));
    const notice = widget(page).getByRole('alert');
    await expect.poll(() => notice.getAttribute('data-notice'), PATIENT).toBe('needs-update');
    expect(await available(page).count()).toBe(0);
    await page.close();
  });
});
