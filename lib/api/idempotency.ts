// Client side of API.md's idempotency: one key per logical call, reused by its retries.
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
  // 48 bits of milliseconds: above 2^32, so the high 16 bits by division, not by shifting.
  const high = Math.floor(now / 2 ** 32);
  const low = now % 2 ** 32;
  bytes[0] = high >>> 8;
  bytes[1] = high & 0xff;
  bytes[2] = low >>> 24;
  bytes[3] = (low >>> 16) & 0xff;
  bytes[4] = (low >>> 8) & 0xff;
  bytes[5] = low & 0xff;
  bytes[6] = 0x70 | ((bytes[6] as number) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
