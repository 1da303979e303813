/** One dispatched Server-Sent Event: its `id:` and `event:` fields (when it had them) and its data. */
export interface ServerSentEvent {
  id: string | undefined;
  event: string | undefined;
  data: string;
}

const LINE_END = /\r\n|\r|\n/;

/**
 * The event stream interpretation of the HTML standard ("Server-sent events"), over text that is
 * already decoded (TextDecoder drops the byte order mark): lines end in CRLF, LF or CR, an empty
 * line dispatches the event, `data:` lines join with LF, a line starting with a colon is a
 * comment, and a field's value loses one leading space. `retry:` and unknown fields are
 * ignored: the client's own backoff decides when to reconnect. Own code, not a library, because
 * this runs in the embed, whose every kilobyte is budgeted; the tests hold it to the
 * eventsource-parser package on random streams cut at random places.
 */
export function createSseParser(onEvent: (event: ServerSentEvent) => void) {
  /** The last, unfinished line (and a CR that may be the first half of a CRLF). */
  let pending = '';
  let id: string | undefined;
  let event: string | undefined;
  let data: string[] = [];

  function line(text: string) {
    if (text === '') {
      if (data.length > 0) onEvent({ id, event, data: data.join('\n') });
      id = undefined;
      event = undefined;
      data = [];
      return;
    }
    const colon = text.indexOf(':');
    if (colon === 0) return;
    const field = colon < 0 ? text : text.slice(0, colon);
    const raw = colon < 0 ? '' : text.slice(colon + 1);
    const value = raw.startsWith(' ') ? raw.slice(1) : raw;
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value || undefined;
    else if (field === 'id' && !value.includes('\0')) id = value;
  }

  return {
    feed(chunk: string) {
      const text = pending + chunk;
      // A CR at the very end may be followed by the LF of the next chunk: keep it for then.
      const end = text.endsWith('\r') ? text.length - 1 : text.length;
      const lines = text.slice(0, end).split(LINE_END);
      pending = (lines.pop() ?? '') + text.slice(end);
      for (const each of lines) line(each);
    },
  };
}
