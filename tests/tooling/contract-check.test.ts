// The contract check that every server test's answers go through (tests/support/contract.ts)
// must fail on answers that break the OpenAPI document, not only pass the ones that keep it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  checkAnswersOf,
  contractViolation,
  type ReceivedAnswer,
  stopCheckingAnswersOf,
  takeViolations,
} from '../support/contract.ts';

const json = (path: string, status: number, body: unknown, method = 'GET'): ReceivedAnswer => ({
  method,
  path,
  status,
  contentType: 'application/json; charset=UTF-8',
  body: JSON.stringify(body),
});

const error = (code: string) => ({ error: { code, message: 'words' } });

describe('an answer that keeps the contract passes', () => {
  test('a declared success, a declared error, no route', () => {
    expect(contractViolation(json('/v1/health', 200, { status: 'ok', version: '1' }))).toBeNull();
    const hold = json('/v1/holds/hold_1/capture', 409, error('hold_not_pending'), 'POST');
    expect(contractViolation(hold)).toBeNull();
    expect(contractViolation(json('/v1/nowhere', 404, error('not_found')))).toBeNull();
  });
});

describe('an answer that breaks it is reported', () => {
  test('a body missing a required field', () => {
    expect(contractViolation(json('/v1/health', 200, { status: 'ok' }))).toMatch(
      /GET \/v1\/health → 200: body breaks the declared schema: \/ must have required property 'version'/,
    );
  });

  test('a field the schema does not know, deep inside a ref', () => {
    const answer = json('/v1/ledger', 200, {
      entries: [],
      next: null,
      cursor: 'x',
    });
    expect(contractViolation(answer)).toMatch(/must NOT have additional properties/);
  });

  test('a status the operation does not declare', () => {
    expect(contractViolation(json('/v1/me', 404, error('not_found')))).toMatch(
      /GET \/v1\/me → 404: status not declared for this operation/,
    );
  });

  test('an error code its status does not carry for that operation', () => {
    const answer = json('/v1/holds/hold_1/capture', 409, error('idempotency_conflict'), 'POST');
    expect(contractViolation(answer)).toMatch(/must be equal to one of the allowed values/);
  });

  test('a media type other than the declared one, an event stream included', () => {
    const stream = { ...json('/v1/events', 200, {}), contentType: 'application/json' };
    expect(contractViolation(stream)).toMatch(
      /content-type application\/json, declared text\/event-stream/,
    );
    const page = { ...json('/v1/me', 401, error('unauthorized')), contentType: 'text/html' };
    expect(contractViolation(page)).toMatch(/declared application\/json/);
  });

  test('an unknown route answered with anything but an error', () => {
    expect(contractViolation(json('/v1/nowhere', 200, {}))).toMatch(/no such operation/);
  });
});

describe('through fetch, as the server tests call', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    // A server answering /v1/me with what no Snapshot is.
    server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"version":"one"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
    checkAnswersOf(port);
  });
  afterAll(async () => {
    stopCheckingAnswersOf((server.address() as AddressInfo).port);
    await new Promise((resolve) => server.close(resolve));
  });

  test('the answer reaches the test unchanged, and the violation is collected to fail it', async () => {
    const answer = await fetch(`${base}/v1/me`);
    expect(await answer.json()).toEqual({ version: 'one' });
    // Taken here so this test passes; left, the setup file would fail the test with them.
    const violations = takeViolations();
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(/^GET \/v1\/me → 200: body breaks the declared schema/);
  });
});
