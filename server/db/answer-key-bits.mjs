// The bit map of idempotency keys (answer-keys.ts), shared by the server's thread and the
// SQLite writer thread (which rebuilds it after a prune). Plain JavaScript, like the writer.

/** Bits in the map: 2^27, 16 MiB, whatever the number of keys. */
export const bitCount = 2 ** 27;

const FNV_PRIME = 0x01000193;

function mixIn(hash, text) {
  let mixed = hash;
  for (let i = 0; i < text.length; i++) mixed = Math.imul(mixed ^ text.charCodeAt(i), FNV_PRIME);
  return mixed;
}

/** FNV-1a over the UTF-16 code units of scope, a separator (0) and key: a bit of the map. */
export function keyBit(scope, key) {
  const separated = Math.imul(mixIn(0x811c9dc5, scope), FNV_PRIME);
  return mixIn(separated, key) >>> 5;
}

export function setBit(bits, bit) {
  bits[bit >>> 3] |= 1 << (bit & 7);
}

export function hasBit(bits, bit) {
  return (bits[bit >>> 3] & (1 << (bit & 7))) !== 0;
}
