// @vitest-environment happy-dom
import { afterEach, expect, test, vi } from 'vitest';
import { onReady } from '../../lib/page/on-ready.ts';
import { preflight, usageRecorded } from '../../lib/page/page-side.ts';
import {
  DECISION_EVENT,
  PREFLIGHT_EVENT,
  PREFLIGHT_RECEIVED_EVENT,
} from '../../lib/page/protocol.ts';
import {
  announceReady,
  EMBED_MARKER,
  isEmbedActive,
  listenForPreflight,
  listenForUsageRecorded,
  watchEmbed,
} from '../../lib/page/widget-side.ts';
import { until } from '../support/until.ts';

const coveredQuote = {
  operation: 'smart-crop',
  quantity: 1,
  credits: '1.3',
  fromPlan: '1.3',
  overageCredits: '0',
  overageUsd: '0',
  planValueUsd: '0.0711',
  availableAfter: '4568.7',
  outcome: 'covered' as const,
};

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  document.documentElement.removeAttribute(EMBED_MARKER);
  document.documentElement.removeAttribute('data-tally-extension');
});

function countEvents(name: string): { ids: () => string[]; kinds: () => string[] } {
  const details: Array<{ id: string; kind?: string }> = [];
  const listener = (event: Event) => details.push(JSON.parse((event as CustomEvent).detail));
  document.addEventListener(name, listener);
  stops.push(() => document.removeEventListener(name, listener));
  return { ids: () => details.map((d) => d.id), kinds: () => details.map((d) => d.kind ?? '') };
}

function answering(kind: 'extension' | 'embed') {
  const handler = vi.fn(async () => ({
    decision: 'proceed' as const,
    overage: false,
    quote: coveredQuote,
  }));
  stops.push(listenForPreflight(handler, { kind }));
  return handler;
}

test('malformed preflights are ignored: the handler never runs and nothing answers', async () => {
  const handler = answering('extension');
  const decisions = countEvents(DECISION_EVENT);
  const send = (detail: unknown) =>
    document.dispatchEvent(new CustomEvent(PREFLIGHT_EVENT, { detail }));

  send({ id: 'a', operation: 'smart-crop', quantity: 1 }); // an object, not a JSON string
  send('not json');
  send(JSON.stringify({ id: 'b', operation: 'smart-crop' })); // no quantity
  send(JSON.stringify({ id: 'c', operation: 'smart-crop', quantity: -2 }));
  send(JSON.stringify({ id: 'd', operation: 'smart-crop', quantity: 10_001 }));
  send(JSON.stringify({ id: '', operation: 'smart-crop', quantity: 1 }));
  send(JSON.stringify(null));
  // A valid preflight after them is answered: whatever they caused would have come before.
  const marker = await preflight('smart-crop', 1, { timeoutMs: 100 });

  expect(marker.decision).toBe('proceed');
  expect(handler).toHaveBeenCalledTimes(1);
  expect(decisions.ids()).toHaveLength(1);
});

test('with the extension and the embed on one page, exactly one answers: the embed', async () => {
  const extension = answering('extension');
  const embed = answering('embed');
  const decisions = countEvents(DECISION_EVENT);
  const received = countEvents(PREFLIGHT_RECEIVED_EVENT);

  const answers = await Promise.all([
    preflight('smart-crop', 1, { timeoutMs: 100 }),
    preflight('smart-crop', 2, { timeoutMs: 100 }),
  ]);
  // A late second answer to those two would come before the answer to a third.
  await preflight('smart-crop', 3, { timeoutMs: 100 });

  expect(answers.map((answer) => answer.decision)).toEqual(['proceed', 'proceed']);
  expect(extension).not.toHaveBeenCalled();
  expect(embed).toHaveBeenCalledTimes(3);
  expect(new Set(decisions.ids()).size).toBe(3);
  expect(decisions.ids()).toHaveLength(3);
  expect(received.kinds()).toEqual(['embed', 'embed', 'embed']);
});

test('an embed that starts after the extension takes over; when it leaves the extension answers again', async () => {
  const extension = answering('extension');
  await preflight('smart-crop', 1, { timeoutMs: 100 });
  expect(extension).toHaveBeenCalledTimes(1);

  const embedHandler = vi.fn(async () => ({
    decision: 'cancel' as const,
    overage: false,
    quote: coveredQuote,
  }));
  const stopEmbed = listenForPreflight(embedHandler, { kind: 'embed' });
  expect(isEmbedActive()).toBe(true);
  expect((await preflight('smart-crop', 1, { timeoutMs: 100 })).decision).toBe('cancel');
  expect(extension).toHaveBeenCalledTimes(1);

  stopEmbed();
  expect(isEmbedActive()).toBe(false);
  expect((await preflight('smart-crop', 1, { timeoutMs: 100 })).decision).toBe('proceed');
  expect(extension).toHaveBeenCalledTimes(2);
  expect(embedHandler).toHaveBeenCalledTimes(1);
});

test('the extension hears the embed come and go through watchEmbed', async () => {
  const seen: boolean[] = [];
  stops.push(watchEmbed((active) => seen.push(active)));

  announceReady('embed');
  await until(() => seen.length === 2);
  document.documentElement.removeAttribute(EMBED_MARKER);
  await until(() => seen.length === 3);

  expect(seen).toEqual([false, true, false]);
});

test('onReady hears widgets that announce later, and those that were ready before it asked', async () => {
  announceReady('extension');
  const kinds: string[] = [];
  stops.push(onReady((kind) => kinds.push(kind)));
  await Promise.resolve();
  expect(kinds).toEqual(['extension']);

  announceReady('embed');
  expect(kinds).toEqual(['extension', 'embed']);
  expect(isEmbedActive()).toBe(true);
});

test('usage the page recorded reaches the widget; malformed notices do not', () => {
  const onUsage = vi.fn();
  stops.push(listenForUsageRecorded(onUsage));

  usageRecorded('background-removal', 83);
  document.dispatchEvent(
    new CustomEvent('tally:usage-recorded', {
      detail: JSON.stringify({ operation: 'smart-crop' }),
    }),
  );
  document.dispatchEvent(
    new CustomEvent('tally:usage-recorded', { detail: { operation: 'smart-crop', quantity: 1 } }),
  );

  expect(onUsage).toHaveBeenCalledTimes(1);
  expect(onUsage).toHaveBeenCalledWith({ operation: 'background-removal', quantity: 83 });
});
