// Client side of API.md's idempotency: one key per logical call, reused by its retries.
// The server keeps its own store; nothing here is server-side.

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/**
 * A random v4 UUID. `crypto.randomUUID` exists only in secure contexts, and an embed may run
 * on a plain-http page, so fall back to `getRandomValues`, which exists everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const view = new DataView(bytes.buffer);
  view.setUint8(6, (view.getUint8(6) & 0x0f) | 0x40);
  view.setUint8(8, (view.getUint8(8) & 0x3f) | 0x80);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
