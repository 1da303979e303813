import { createParser } from 'eventsource-parser';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { createSseParser, type ServerSentEvent } from '../../lib/api/sse-parser.ts';

function parseWith(
  make: (onEvent: (event: ServerSentEvent) => void) => { feed(chunk: string): void },
  chunks: string[],
): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  const parser = make((event) =>
    events.push({ id: event.id, event: event.event, data: event.data }),
  );
  for (const chunk of chunks) parser.feed(chunk);
  return events;
}

const reference = (onEvent: (event: ServerSentEvent) => void) =>
  createParser({
    onEvent: (message) => onEvent({ id: message.id, event: message.event, data: message.data }),
  });

test('the stream the server sends: a comment, then snapshots with their ids', () => {
  const stream =
    ': hello\n\nid: 7\nevent: snapshot\ndata: {"version":7}\n\nid: 8\nevent: snapshot\ndata: {"version":8}\n\n';
  expect(parseWith(createSseParser, [stream])).toEqual([
    { id: '7', event: 'snapshot', data: '{"version":7}' },
    { id: '8', event: 'snapshot', data: '{"version":8}' },
  ]);
});

test('CRLF split between two chunks is one line end, not an empty line', () => {
  expect(parseWith(createSseParser, ['data: a\r', '\ndata: b\r\n\r\n'])).toEqual([
    { id: undefined, event: undefined, data: 'a\nb' },
  ]);
});

test('agrees with eventsource-parser on random streams cut at random places', () => {
  const piece = fc.constantFrom(
    'data',
    'data:',
    'data: ',
    'event:',
    'event: snapshot',
    'id:',
    'id: 12',
    'id: a\0b',
    ':',
    ': keep-alive',
    'retry: 10',
    'x',
    ' ',
    ':',
    '\n',
    '\r',
    '\r\n',
    '\n\n',
    '{"v":1}',
    'é',
  );
  fc.assert(
    fc.property(
      fc.array(piece, { maxLength: 60 }),
      fc.array(fc.nat(), { maxLength: 8 }),
      (pieces, cuts) => {
        const stream = pieces.join('');
        const at = [...new Set(cuts.map((cut) => cut % (stream.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at, stream.length]
          .slice(1)
          .map((end, index, ends) => stream.slice(index === 0 ? 0 : (ends[index - 1] ?? 0), end));
        expect(parseWith(createSseParser, chunks)).toEqual(parseWith(reference, [stream]));
      },
    ),
    { numRuns: 2000 },
  );
});
