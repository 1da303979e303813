/** Bits in the map: 2^27, 16 MiB, whatever the number of keys. */
const bitCount = 2 ** 27;

/**
 * The idempotency keys the SQLite file holds, as one bit each in a fixed map of hashes: a key
 * whose bit is clear has no answer, so the usual request (a new key) needs no read of the file.
 * A key whose bit another key set only costs a read: at a million keys about one new key in
 * 130 is read, at 30 million one in five. Exact because this process is the file's only writer:
 * the map is filled from the file at start and after each prune, and every commit adds its
 * keys. Its size never grows (a `Set` of hashes stops at 2^24 entries, a day of keys at 200 a
 * second, and costs tens of bytes per key).
 */
export class AnswerKeys {
  private bits = new Uint8Array(bitCount / 8);

  /** Replaces what is known with every (scope, key) of `rows`. */
  reset(rows: Iterable<{ scope: string; key: string }>): void {
    const bits = new Uint8Array(bitCount / 8);
    for (const { scope, key } of rows) set(bits, hashOf(scope, key));
    this.bits = bits;
  }

  add(scope: string, key: string): void {
    set(this.bits, hashOf(scope, key));
  }

  /** False only when the file has no answer under (scope, key). */
  mayHave(scope: string, key: string): boolean {
    const bit = hashOf(scope, key);
    return ((this.bits[bit >>> 3] as number) & (1 << (bit & 7))) !== 0;
  }
}

function set(bits: Uint8Array, bit: number): void {
  bits[bit >>> 3] = (bits[bit >>> 3] as number) | (1 << (bit & 7));
}

const FNV_PRIME = 0x01000193;

function mixIn(hash: number, text: string): number {
  let mixed = hash;
  for (let i = 0; i < text.length; i++) mixed = Math.imul(mixed ^ text.charCodeAt(i), FNV_PRIME);
  return mixed;
}

/** FNV-1a over the UTF-16 code units of scope, a separator (0) and key: a bit of the map. */
function hashOf(scope: string, key: string): number {
  const separated = Math.imul(mixIn(0x811c9dc5, scope), FNV_PRIME);
  return mixIn(separated, key) >>> 5;
}
