// The embed's transport against the real billing server (child process, temp SQLite file):
// snapshot, live updates, plan change, ledger, and the states a host page must be able to show.
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { createTokenSource } from '../../embed/token-source.ts';
import { createEmbedTransport, type EmbedTransport } from '../../embed/transport.ts';
import { createApiClient } from '../../lib/api/index.ts';
import type { CreditUpdate } from '../../lib/store/credit-source.ts';
import { createAccount, startServer, type TestServer } from '../support/server.ts';
import { until } from '../support/until.ts';

let server: TestServer;
const transports: EmbedTransport[] = [];

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});
afterEach(() => {
  for (const transport of transports.splice(0)) transport.dispose();
});

async function member(planId = 'growth', role: 'admin' | 'member' = 'admin') {
  const { members } = await createAccount(server, {
    planId,
    members: [{ name: 'Ada', role }],
  });
  return members[0]!.token;
}

function transportWith(getToken: () => string | Promise<string>, api = server.url) {
  const transport = createEmbedTransport({ api, tokens: createTokenSource(() => getToken) });
  transports.push(transport);
  return transport;
}

function collect(transport: EmbedTransport) {
  const updates: CreditUpdate[] = [];
  transport.subscribe((update) => updates.push(update));
  return updates;
}

/** A loopback port nobody listens on: connection refused, like a server that is down. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('embed transport', () => {
  test('refresh delivers the snapshot of GET /v1/me', async () => {
    const token = await member();
    const transport = transportWith(() => token);
    const updates = collect(transport);
    await transport.refresh();
    const snapshot = updates.find((u) => u.kind === 'snapshot');
    expect(snapshot?.kind === 'snapshot' && snapshot.snapshot.credits.available).toBe('4570');
    expect(snapshot?.kind === 'snapshot' && snapshot.snapshot.plan.id).toBe('growth');
  });

  test('usage recorded elsewhere arrives live over the events stream', async () => {
    const token = await member();
    const transport = transportWith(() => token);
    const updates = collect(transport);
    await transport.refresh();
    // Another tab (the page's backend) records 100 Smart Crops: 4,570 − 130 = 4,440.
    const other = createApiClient({ baseUrl: server.url, token });
    await other.recordUsage({ operation: 'smart-crop', quantity: 100 });
    const live = await until(() =>
      updates.find((u) => u.kind === 'snapshot' && u.snapshot.credits.available === '4440'),
    );
    expect(live.kind).toBe('snapshot');
  });

  test('while the events stream is down, polling keeps the balance current', async () => {
    const token = await member();
    // A proxy that breaks event streams: every GET /v1/events fails, the rest goes through.
    const noStream: typeof fetch = (input, init) =>
      String(input).endsWith('/v1/events')
        ? Promise.reject(new TypeError('stream blocked'))
        : fetch(input, init);
    const transport = createEmbedTransport({
      api: server.url,
      tokens: createTokenSource(() => () => token),
      fetch: noStream,
      pollMs: 200,
    });
    transports.push(transport);
    const updates = collect(transport);
    await transport.refresh();
    await createApiClient({ baseUrl: server.url, token }).recordUsage({
      operation: 'background-removal',
      quantity: 10,
    });
    // 4,570 − 10 × 2.8 = 4,542, from a poll: the stream never opened.
    const polled = await until(() =>
      updates.find((u) => u.kind === 'snapshot' && u.snapshot.credits.available === '4542'),
    );
    expect(polled.kind).toBe('snapshot');
  });

  test('previews and changes the plan, and the new snapshot follows', async () => {
    const token = await member('starter');
    const transport = transportWith(() => token);
    const updates = collect(transport);
    const preview = await transport.previewPlanChange('growth');
    expect(preview).toMatchObject({ from: 'starter', to: 'growth', chargeUsd: '250.00' });
    expect(preview.creditsAfter).toBe('6270');
    const snapshot = await transport.changePlan('growth');
    expect(snapshot.plan.id).toBe('growth');
    expect(snapshot.credits.available).toBe('6270');
    expect(updates.some((u) => u.kind === 'snapshot' && u.snapshot.plan.id === 'growth')).toBe(
      true,
    );
    const entries = await transport.ledger(5);
    expect(entries[0]?.kind).toBe('plan-change');
  });

  test('a member asking to change the plan gets the server’s readable refusal', async () => {
    const token = await member('starter', 'member');
    const transport = transportWith(() => token);
    await expect(transport.changePlan('growth')).rejects.toMatchObject({ code: 'forbidden' });
  });

  test('a refused token reads "session expired", not a blank', async () => {
    const transport = transportWith(() => 'tly_not_a_real_token');
    const updates = collect(transport);
    await expect(transport.refresh()).rejects.toMatchObject({ code: 'unauthorized' });
    const status = updates.find((u) => u.kind === 'status');
    expect(status).toMatchObject({ kind: 'status', status: 'unauthorized' });
    expect(status?.kind === 'status' && status.error).toMatch(/session expired/i);
  });

  test('after a 401 the host is asked again and a renewed token is used', async () => {
    const token = await member();
    let calls = 0;
    const transport = transportWith(() => (++calls === 1 ? 'tly_expired_token' : token));
    const updates = collect(transport);
    await transport.refresh();
    expect(updates.some((u) => u.kind === 'snapshot')).toBe(true);
    expect(calls).toBeGreaterThanOrEqual(2);
  });

  test('an unreachable server reads "cannot reach billing"', async () => {
    const api = `http://127.0.0.1:${await closedPort()}`;
    const transport = transportWith(() => 'tly_any', api);
    const updates = collect(transport);
    await expect(transport.refresh()).rejects.toMatchObject({ code: 'unreachable' });
    const status = updates.find((u) => u.kind === 'status');
    expect(status).toMatchObject({ kind: 'status', status: 'offline' });
    expect(status?.kind === 'status' && status.error).toContain(`Cannot reach billing at ${api}`);
  });

  test('waits for the host to provide getToken before calling the API', async () => {
    const token = await member();
    let provider: (() => string) | undefined;
    let asked = 0;
    const tokens = createTokenSource(() => {
      asked += 1;
      return provider;
    });
    const transport = createEmbedTransport({ api: server.url, tokens });
    transports.push(transport);
    let done = false;
    const refreshed = transport.refresh().then(() => {
      done = true;
    });
    // The transport asked for the host's getToken, found none, and waits.
    await until(() => asked > 0);
    expect(done).toBe(false);
    provider = () => token;
    tokens.provided();
    await refreshed;
    expect(done).toBe(true);
  });

  test('a low-balance alert on the stream reaches the transport’s alert', async () => {
    const token = await member();
    const transport = transportWith(() => token);
    collect(transport);
    await transport.refresh();
    expect(transport.alert.value).toBe(null);
    // 2,813 Smart Crops (3,656.9 credits) leave 913.1 of 4,570: at or below 20 % (914).
    const other = createApiClient({ baseUrl: server.url, token });
    await other.recordUsage({ operation: 'smart-crop', quantity: 2813 });
    const alert = await until(() => transport.alert.value ?? undefined);
    expect(alert).toMatchObject({ threshold: 20, available: '913.1' });
  });

  test('an alert this embed cannot read is skipped with a warning, and the next one is kept', async () => {
    const token = await member();
    const warnings: unknown[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation((...args) => warnings.push(args[0]));
    const at = '2027-03-01T09:00:00.000Z';
    // The real server for everything but the stream, which says two alerts, one broken.
    const stream = [
      `event: alert\ndata: {"threshold":150,"at":"${at}","available":"1"}\n\n`,
      `event: alert\ndata: {"threshold":5,"at":"${at}","available":"228"}\n\n`,
    ].join('');
    const fetcher: typeof fetch = (input, init) =>
      String(input).endsWith('/v1/events')
        ? Promise.resolve(
            new Response(stream, { headers: { 'content-type': 'text/event-stream' } }),
          )
        : fetch(input, init);
    const transport = createEmbedTransport({
      api: server.url,
      tokens: createTokenSource(() => () => token),
      fetch: fetcher,
    });
    transports.push(transport);
    collect(transport);
    const alert = await until(() => transport.alert.value ?? undefined);
    warn.mockRestore();
    expect(alert).toEqual({ threshold: 5, at, available: '228' });
    expect(warnings).toContain('Tally: events: unexpected alert');
  });
});
