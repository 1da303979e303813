// What a hostile page or client may try at the HTTP level (docs/api.md, "Server settings"): a Host
// it re-pointed at this machine, bodies too large to hold, framing the pages, and connections
// held open by sending headers slowly.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { rawRequest } from './raw-http.ts';
import { serverPerFile } from './server-per-file.ts';

const server = serverPerFile();

const operation = JSON.stringify({
  operation: 'smart-crop',
  quantity: 1,
  overage: 'accept',
  as: 'milo',
});

describe('Host check (DNS rebinding)', () => {
  // What a browser sends once a name the attacker controls points at 127.0.0.1.
  const rebound = (port: number) => ({
    host: `rebind.evil.test:${port}`,
    'sec-fetch-site': 'same-origin',
  });

  test('a rebound name cannot spend through the demo editor: 421 before the route runs', async () => {
    const before = await rawRequest(server().url, { path: '/editor/api/account?as=milo' });
    const run = await rawRequest(server().url, {
      method: 'POST',
      path: '/editor/api/operations',
      headers: { ...rebound(server().port), 'content-type': 'application/json' },
      body: operation,
    });
    expect(run.status).toBe(421);
    expect(JSON.parse(run.text).error.code).toBe('misdirected_request');
    const after = await rawRequest(server().url, { path: '/editor/api/account?as=milo' });
    expect(JSON.parse(after.text).snapshot.version).toBe(JSON.parse(before.text).snapshot.version);
  });

  test('a rebound name cannot read a demo token, nor any API route', async () => {
    for (const path of ['/editor/api/session?as=ada', '/v1/health', '/editor', '/nowhere']) {
      const answer = await rawRequest(server().url, { path, headers: rebound(server().port) });
      expect(answer.status, path).toBe(421);
      expect(answer.text).not.toContain(server().demo.ada.token);
    }
  });

  test('the loopback names with the listening port are served', async () => {
    for (const host of ['127.0.0.1', 'localhost', '[::1]']) {
      const answer = await rawRequest(server().url, {
        path: '/v1/health',
        headers: { host: `${host}:${server().port}` },
      });
      expect(answer.status, host).toBe(200);
    }
    const otherPort = await rawRequest(server().url, {
      path: '/v1/health',
      headers: { host: `127.0.0.1:${server().port + 1}` },
    });
    expect(otherPort.status).toBe(421);
  });

  describe('TALLY_ALLOWED_HOSTS', () => {
    let listed: TestServer;
    beforeAll(async () => {
      listed = await startServer({
        env: { TALLY_ALLOWED_HOSTS: 'tally.example.test, 127.0.0.1:1' },
      });
    }, 60_000);
    afterAll(() => listed?.stop());

    test('replaces the default: only the listed names (any port when none is given) are served', async () => {
      const named = await rawRequest(listed.url, {
        path: '/v1/health',
        headers: { host: 'tally.example.test' },
      });
      expect(named.status).toBe(200);
      const loopback = await rawRequest(listed.url, {
        path: '/v1/health',
        headers: { host: `127.0.0.1:${listed.port}` },
      });
      expect(loopback.status).toBe(421);
    });
  });
});

describe('body limits', () => {
  test('a declared 100 MB body to the demo editor is refused with 413 before it is sent', async () => {
    const answer = await rawRequest(server().url, {
      method: 'POST',
      path: '/editor/api/operations',
      headers: { 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024) },
      withholdBody: true,
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).error.code).toBe('payload_too_large');
  });

  test('a chunked body over 64 KiB to the demo editor is refused with 413', async () => {
    const answer = await rawRequest(server().url, {
      method: 'POST',
      path: '/editor/api/operations',
      headers: { 'content-type': 'application/json' },
      body: [Buffer.from(operation.slice(0, -1)), Buffer.from(`,"pad":"${'x'.repeat(70_000)}"}`)],
    });
    expect(answer.status).toBe(413);
  });

  test('a route that reads no body refuses a large one too', async () => {
    const answer = await rawRequest(server().url, {
      method: 'POST',
      path: '/editor/api/session',
      headers: { 'content-length': String(65 * 1024) },
      withholdBody: true,
    });
    expect(answer.status).toBe(413);
  });
});

describe('framing and sniffing', () => {
  test('the demo editor page may be framed only by this server’s own pages', async () => {
    const page = await fetch(`${server().url}/editor`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
  });

  test('every answer says nosniff: pages, JSON, errors, scripts, event streams', async () => {
    const token = server().demo.milo.token;
    const paths = ['/editor', '/v1/health', '/v1/me', '/nowhere', '/editor/editor.css'];
    for (const path of paths) {
      const answer = await fetch(`${server().url}${path}`);
      expect(answer.headers.get('x-content-type-options'), path).toBe('nosniff');
      await answer.body?.cancel();
    }
    const controller = new AbortController();
    const stream = await fetch(`${server().url}/v1/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    expect(stream.headers.get('x-content-type-options')).toBe('nosniff');
    controller.abort();
  });
});

describe('slow clients', () => {
  test('a client that never finishes its headers is dropped in seconds, not minutes', async () => {
    const socket = connect(server().port, '127.0.0.1');
    const closed = new Promise<string>((resolve) => {
      let answer = '';
      socket.on('data', (chunk) => {
        answer += chunk.toString();
      });
      socket.on('close', () => resolve(answer));
    });
    socket.write(`GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1:${server().port}\r\nX-Slow: `);
    // Node answers 408 and closes once the headers timeout passed; its default is 60 s.
    expect(await closed).toMatch(/^HTTP\/1\.1 408/);
  }, 12_000);
});
