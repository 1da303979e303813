// setupFiles of the projects that run the server tests: every fetch to a billing server a test
// started is checked against the OpenAPI document (contract.ts), and a test that received an
// answer breaking it fails, whichever helper or plain fetch it went through.
import { afterAll, afterEach } from 'vitest';
import { isChecked, report, takeViolations } from './contract.ts';

const fetchUnchecked = globalThis.fetch;

async function fetchChecked(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await fetchUnchecked(input, init);
  const url = new URL(input instanceof Request ? input.url : input);
  if (!isChecked(url)) return response;
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  const contentType = response.headers.get('content-type') ?? '';
  // An event stream never ends: its declared media type is what can be checked.
  const streaming = contentType.startsWith('text/event-stream');
  const body = streaming ? undefined : await response.clone().text();
  report({ method, path: url.pathname, status: response.status, contentType, body });
  return response;
}

// Node's fetch only: happy-dom's (component and widget tests, which test screens) cannot read a
// clone without emptying the body the test reads.
if (typeof document === 'undefined') globalThis.fetch = fetchChecked;

function failOnViolations() {
  const violations = takeViolations();
  if (violations.length > 0) {
    throw new Error(`Answers that break the OpenAPI document:\n${violations.join('\n')}`);
  }
}

afterEach(failOnViolations);
afterAll(failOnViolations);
