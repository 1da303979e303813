// @vitest-environment happy-dom
import { afterEach, expect, test, vi } from 'vitest';
import { preflight } from '../../lib/page/page-side.ts';
import {
  DECISION_EVENT,
  type Decision,
  PREFLIGHT_EVENT,
  type PreflightRequest,
} from '../../lib/page/protocol.ts';
import { listenForPreflight } from '../../lib/page/widget-side.ts';

// docs/billing.md: 2.0 available, Lifestyle Crop (4.1), overage allowed → 2.1 overage = $0.21.
const overageQuote = {
  operation: 'lifestyle-crop',
  quantity: 1,
  credits: '4.1',
  fromPlan: '2',
  overageCredits: '2.1',
  overageUsd: '0.21',
  planValueUsd: '0.1094',
  availableAfter: '0',
  outcome: 'overage' as const,
};

const stops: Array<() => void> = [];
afterEach(() => {
  vi.useRealTimers();
  for (const stop of stops.splice(0)) stop();
  document.documentElement.removeAttribute('data-tally-embed');
});

function widget(
  handler: (request: PreflightRequest) => Promise<Decision>,
  kind: 'extension' | 'embed' = 'extension',
) {
  stops.push(listenForPreflight(handler, { kind }));
}

test('a preflight reaches the widget and resolves to its decision', async () => {
  const handler = vi.fn(async () => ({
    decision: 'proceed' as const,
    overage: true,
    quote: overageQuote,
  }));
  widget(handler);

  const decision = await preflight('lifestyle-crop', 1, { timeoutMs: 200 });

  expect(decision).toEqual({ decision: 'proceed', overage: true, quote: overageQuote });
  expect(handler).toHaveBeenCalledWith(
    expect.objectContaining({ operation: 'lifestyle-crop', quantity: 1 }),
  );
});

test('the detail crosses as a JSON string in both directions', async () => {
  const details: unknown[] = [];
  const record = (event: Event) => details.push((event as CustomEvent).detail);
  document.addEventListener(PREFLIGHT_EVENT, record);
  document.addEventListener(DECISION_EVENT, record);
  widget(async () => ({ decision: 'cancel', overage: false, quote: overageQuote }));

  await preflight('smart-crop', 3, { timeoutMs: 200 });
  document.removeEventListener(PREFLIGHT_EVENT, record);
  document.removeEventListener(DECISION_EVENT, record);

  expect(details).toHaveLength(2);
  for (const detail of details) expect(typeof detail).toBe('string');
  expect(JSON.parse(details[0] as string)).toMatchObject({ operation: 'smart-crop', quantity: 3 });
});

test('the page hears which widget took its request before the decision comes', async () => {
  const order: string[] = [];
  widget(async () => {
    order.push('handler');
    return { decision: 'proceed', overage: false, quote: overageQuote };
  }, 'embed');

  await preflight('smart-crop', 1, {
    timeoutMs: 200,
    onReceived: (kind) => order.push(`received by ${kind}`),
  });

  expect(order).toEqual(['received by embed', 'handler']);
});

test('with no widget on the page the preflight resolves to unavailable after the timeout', async () => {
  const started = Date.now();
  const decision = await preflight('smart-crop', 1, { timeoutMs: 60 });

  expect(decision).toEqual({ decision: 'unavailable' });
  expect(Date.now() - started).toBeGreaterThanOrEqual(55);
});

test('a widget that took the request may keep the user deciding past the timeout', async () => {
  vi.useFakeTimers();
  let decide: (decision: Decision) => void = () => {};
  widget(() => new Promise((resolve) => (decide = resolve)));

  const decision = preflight('lifestyle-crop', 1, { timeoutMs: 30 });
  await vi.advanceTimersByTimeAsync(150);
  decide({ decision: 'proceed', overage: true, quote: overageQuote });

  expect((await decision).decision).toBe('proceed');
});

test('a widget that took the request but never decides gives unavailable after the decision timeout', async () => {
  widget(() => new Promise(() => {}));

  const decision = await preflight('smart-crop', 1, { timeoutMs: 30, decisionTimeoutMs: 80 });

  expect(decision).toEqual({ decision: 'unavailable' });
});

test('a widget whose handler fails answers unavailable at once', async () => {
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
  widget(async () => {
    throw new Error('offline and nothing cached');
  });

  const started = Date.now();
  const decision = await preflight('smart-crop', 1, { timeoutMs: 30, decisionTimeoutMs: 5_000 });

  expect(decision).toEqual({ decision: 'unavailable' });
  expect(Date.now() - started).toBeLessThan(1_000);
  quiet.mockRestore();
});

test('concurrent preflights each get the decision made for their own id', async () => {
  const decide = new Map<string, () => void>();
  widget(
    ({ operation, quantity }) =>
      new Promise((resolve) =>
        decide.set(operation, () =>
          resolve({
            decision: operation === 'background-removal' ? 'cancel' : 'proceed',
            overage: false,
            quote: { ...overageQuote, operation, quantity },
          }),
        ),
      ),
  );

  const answers = Promise.all([
    preflight('smart-crop', 2, { timeoutMs: 200 }),
    preflight('background-removal', 5, { timeoutMs: 200 }),
    preflight('lifestyle-crop', 7, { timeoutMs: 200 }),
  ]);
  // Answered in the reverse order of asking.
  for (const operation of ['lifestyle-crop', 'background-removal', 'smart-crop']) {
    decide.get(operation)?.();
  }
  const [smart, background, lifestyle] = await answers;

  expect(smart).toMatchObject({
    decision: 'proceed',
    quote: { operation: 'smart-crop', quantity: 2 },
  });
  expect(background).toMatchObject({
    decision: 'cancel',
    quote: { operation: 'background-removal', quantity: 5 },
  });
  expect(lifestyle).toMatchObject({
    decision: 'proceed',
    quote: { operation: 'lifestyle-crop', quantity: 7 },
  });
});

test('a decision for another id, or a malformed one, does not settle the preflight', async () => {
  // A fake widget that acknowledges, then answers badly before answering well.
  const onPreflight = (event: Event) => {
    const { id } = JSON.parse((event as CustomEvent).detail as string);
    const answer = (detail: unknown) =>
      document.dispatchEvent(new CustomEvent(DECISION_EVENT, { detail }));
    document.dispatchEvent(
      new CustomEvent('tally:preflight-received', {
        detail: JSON.stringify({ id, kind: 'embed' }),
      }),
    );
    queueMicrotask(() => {
      answer(
        JSON.stringify({
          id: 'someone-else',
          decision: 'proceed',
          overage: false,
          quote: overageQuote,
        }),
      );
      answer({ id, decision: 'proceed', overage: false, quote: overageQuote }); // an object, not JSON
      answer(`{"id":"${id}","decision":"proceed"`); // truncated JSON
      answer(JSON.stringify({ id, decision: 'proceed', overage: false })); // no quote
      answer(JSON.stringify({ id, decision: 'cancel', overage: false, quote: overageQuote }));
    });
  };
  document.addEventListener(PREFLIGHT_EVENT, onPreflight);

  const decision = await preflight('lifestyle-crop', 1, { timeoutMs: 100 });
  document.removeEventListener(PREFLIGHT_EVENT, onPreflight);

  expect(decision.decision).toBe('cancel');
});

test('an operation or quantity no widget could accept is refused before anything is sent', async () => {
  const sent = vi.fn();
  document.addEventListener(PREFLIGHT_EVENT, sent);

  await expect(preflight('smart-crop', 0)).rejects.toThrow(RangeError);
  await expect(preflight('smart-crop', 1.5)).rejects.toThrow(RangeError);
  await expect(preflight('smart-crop', 10_001)).rejects.toThrow(RangeError);
  await expect(preflight('', 1)).rejects.toThrow(RangeError);
  document.removeEventListener(PREFLIGHT_EVENT, sent);

  expect(sent).not.toHaveBeenCalled();
});
