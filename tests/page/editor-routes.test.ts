// The demo editor over HTTP, on the real server (a child process, a temp SQLite file).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Decimal } from '../../lib/billing/decimal.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

async function available(token: string): Promise<string> {
  const response = await fetch(`${server.url}/v1/me`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { credits: { available: string } }).credits.available;
}

function runOperation(body: Record<string, unknown>, key = crypto.randomUUID()) {
  return fetch(`${server.url}/editor/api/operations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
}

test('GET /editor serves the page with the three operations marked for Tally', async () => {
  const response = await fetch(`${server.url}/editor`);
  const html = await response.text();

  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  const operations = [...html.matchAll(/<button[^>]*data-tally-operation="([^"]+)"[^>]*>/g)];
  expect(operations.map((match) => match[1])).toEqual([
    'smart-crop',
    'background-removal',
    'lifestyle-crop',
  ]);
  for (const [button] of operations) expect(button).toMatch(/data-tally-quantity="1"/);
  expect(html).toContain('id="quantity"');
  expect(html).toContain('src="/editor/editor.js"');
  // The page never carries a token.
  expect(html).not.toContain(server.demo.ada.token);
  expect(html).not.toContain(server.demo.milo.token);
});

test('the page script is bundled from TypeScript and speaks the page protocol', async () => {
  const response = await fetch(`${server.url}/editor/editor.js`);
  const script = await response.text();

  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
  expect(script).toContain('tally:preflight');
  expect(script).toContain('tally:usage-recorded');
  expect(script).not.toContain(server.demo.ada.token);
});

test('running an operation records its usage for the member acted for: the balance drops by 1.3', async () => {
  const before = await available(server.demo.ada.token);

  const response = await runOperation({
    operation: 'smart-crop',
    quantity: 1,
    overage: 'deny',
    as: 'milo',
  });
  const body = (await response.json()) as {
    entry: { kind: string; memberId: string; credits: string; operation: string };
    snapshot: { member: { name: string }; credits: { available: string } };
  };

  expect(response.status).toBe(201);
  expect(body.entry).toMatchObject({
    kind: 'usage',
    operation: 'smart-crop',
    memberId: server.demo.milo.id,
  });
  expect(body.snapshot.member.name).toBe('Milo');
  const after = await available(server.demo.ada.token);
  expect(new Decimal(before).minus(after).toString()).toBe('1.3');
  expect(body.snapshot.credits.available).toBe(after);
});

test('a retried click (same Idempotency-Key) records the operation once', async () => {
  const key = crypto.randomUUID();
  const before = await available(server.demo.ada.token);
  const body = { operation: 'background-removal', quantity: 2, overage: 'deny', as: 'ada' };

  const first = await runOperation(body, key);
  const second = await runOperation(body, key);

  expect([first.status, second.status]).toEqual([201, 201]);
  const [a, b] = (await Promise.all([first.json(), second.json()])) as { entry: { id: string } }[];
  expect(b?.entry.id).toBe(a?.entry.id);
  expect(new Decimal(before).minus(await available(server.demo.ada.token)).toString()).toBe('5.6');
});

test('an operation the credits do not cover, without consent, is the server’s 402 with its quote', async () => {
  const before = await available(server.demo.ada.token);

  // 10,000 Lifestyle Crops = 41,000 credits: far more than the demo account holds.
  const response = await runOperation({
    operation: 'lifestyle-crop',
    quantity: 10_000,
    overage: 'deny',
    as: 'milo',
  });
  const body = (await response.json()) as {
    error: {
      code: string;
      details: { quote: { credits: string; fromPlan: string; overageCredits: string } };
    };
  };

  expect(response.status).toBe(402);
  expect(body.error.code).toBe('overage_required');
  expect(body.error.details.quote.credits).toBe('41000');
  expect(body.error.details.quote.fromPlan).toBe(before);
  expect(body.error.details.quote.overageCredits).toBe(
    new Decimal('41000').minus(before).toString(),
  );
  expect(await available(server.demo.ada.token)).toBe(before);
});

test('bad operation requests are refused with the API’s error shape and change nothing', async () => {
  const before = await available(server.demo.ada.token);
  const bad = [
    { operation: 'smart-crop', quantity: 1, overage: 'deny', as: 'eve' },
    { operation: 'smart-crop', quantity: 0, overage: 'deny', as: 'ada' },
    { operation: 'smart-crop', quantity: 1, overage: 'maybe', as: 'ada' },
    { operation: 'smart-crop', quantity: 1, overage: 'deny', as: 'ada', token: 'x' },
  ];
  for (const body of bad) {
    const response = await runOperation(body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'invalid_request',
    );
  }
  const unknown = await runOperation({
    operation: 'teleport',
    quantity: 1,
    overage: 'deny',
    as: 'ada',
  });
  expect(unknown.status).toBeGreaterThanOrEqual(400);
  expect(unknown.status).toBeLessThan(500);
  expect(await available(server.demo.ada.token)).toBe(before);
});

test('the account route shows the acting member, the operations and the recent usage', async () => {
  const response = await fetch(`${server.url}/editor/api/account?as=milo`);
  const body = (await response.json()) as {
    snapshot: { member: { name: string; role: string }; account: { name: string } };
    operations: { id: string }[];
    recent: { kind: string; operation: string; memberId: string | null }[];
    members: { id: string; name: string }[];
  };

  expect(response.status).toBe(200);
  expect(body.snapshot.member).toMatchObject({ name: 'Milo', role: 'member' });
  expect(body.snapshot.account.name).toBe('Studio North');
  expect(body.operations.map((op) => op.id).sort()).toEqual([
    'background-removal',
    'lifestyle-crop',
    'smart-crop',
  ]);
  expect(body.recent.length).toBeGreaterThan(0);
  expect(body.recent.every((entry) => entry.kind === 'usage')).toBe(true);
  // The page names who ran each recent entry ("· as Ada") from these.
  expect(body.members.map((member) => member.name).sort()).toEqual(['Ada', 'Milo']);
  expect(JSON.stringify(body)).not.toContain(server.demo.milo.token);
});

test('the demo-only session route gives the embed the chosen member’s token, same-origin only', async () => {
  const milo = await fetch(`${server.url}/editor/api/session?as=milo`);
  expect(milo.status).toBe(200);
  expect(milo.headers.get('cache-control')).toBe('no-store');
  expect(((await milo.json()) as { token: string }).token).toBe(server.demo.milo.token);

  const ada = await fetch(`${server.url}/editor/api/session?as=ada`, {
    headers: { 'sec-fetch-site': 'same-origin' },
  });
  expect(((await ada.json()) as { token: string }).token).toBe(server.demo.ada.token);

  const crossSite = await fetch(`${server.url}/editor/api/session?as=ada`, {
    headers: { 'sec-fetch-site': 'cross-site' },
  });
  expect(crossSite.status).toBe(403);
  expect(await crossSite.text()).not.toContain(server.demo.ada.token);

  expect((await fetch(`${server.url}/editor/api/session?as=eve`)).status).toBe(400);
});

test('another site cannot run an operation through the editor’s backend (no cross-site spending)', async () => {
  const before = await available(server.demo.ada.token);
  const forged = JSON.stringify({
    operation: 'smart-crop',
    quantity: 1,
    overage: 'accept',
    as: 'ada',
  });

  // A browser that sends Sec-Fetch-Site: a fetch or form post from another site is refused.
  const crossSite = await fetch(`${server.url}/editor/api/operations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
    body: forged,
  });
  expect(crossSite.status).toBe(403);
  // Another port of the same host is the same site, still not the editor's own origin.
  const sameSite = await fetch(`${server.url}/editor/api/operations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-site' },
    body: forged,
  });
  expect(sameSite.status).toBe(403);
  // A browser without Sec-Fetch-Site can post across sites only as a "simple" request
  // (text/plain, a form): the backend takes JSON only, so that is refused too.
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
    const simple = await fetch(`${server.url}/editor/api/operations`, {
      method: 'POST',
      headers: type ? { 'content-type': type } : {},
      body: forged,
    });
    expect(simple.status).toBe(415);
  }
  expect(await available(server.demo.ada.token)).toBe(before);

  const sameOrigin = await fetch(`${server.url}/editor/api/operations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ operation: 'smart-crop', quantity: 1, overage: 'deny', as: 'ada' }),
  });
  expect(sameOrigin.status).toBe(201);
});
