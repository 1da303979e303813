// Client side of docs/api.md's idempotency: one key per logical call, reused by its retries.
// The server keeps its own store; nothing here is server-side.

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/**
 * A version 7 UUID (RFC 9562): the first 48 bits are the time in milliseconds, the other 74
 * free bits random. Keys so sort by when they were made, and the server's index of them grows
 * at its end instead of at a random page per request (a page written per debit, on SQLite a
 * fifth of each commit's WAL). `getRandomValues` exists everywhere, unlike `randomUUID`, which
 * an embed on a plain-http page lacks.
 */
export function newIdempotencyKey(now = Date.now()): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // The milliseconds in the first 6 bytes, big-endian (by division: 48 bits exceed a shift's 32).
  for (let at = 5, rest = now; at >= 0; at--, rest = Math.floor(rest / 256)) bytes[at] = rest % 256;
  bytes[6] = 0x70 | ((bytes[6] as number) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
