// biome-ignore lint/correctness/useImportExtensions: plain JavaScript the writer thread loads too; its types are in answer-key-bits.d.mts
import { bitCount, bitsOf, hasBit, keyBit, setBit } from './answer-key-bits.mjs';

/**
 * The idempotency keys the SQLite file holds, as one bit each in a fixed map of hashes
 * (answer-key-bits.mjs): a key whose bit is clear has no answer, so the usual request (a new
 * key) needs no read of the file. A key whose bit another key set only costs a read: at a
 * million keys about one new key in 130 is read, at 30 million one in five. Exact because this
 * process is the file's only writer: the map is read from the file at start, rebuilt by the
 * writer thread after each prune, and every commit adds its keys. Its size never grows (a `Set`
 * of hashes stops at 2^24 entries, a day of keys at 200 a second, and costs tens of bytes per
 * key).
 */
export class AnswerKeys {
  private bits: Uint8Array = new Uint8Array(bitCount / 8);

  /** Replaces what is known with every `[scope, key]` of `rows`. */
  reset(rows: Iterable<readonly [string, string]>): void {
    this.bits = bitsOf(rows);
  }

  /** Replaces what is known with a map built elsewhere (by the writer thread). */
  replace(bits: Uint8Array): void {
    if (bits.length !== bitCount / 8) throw new Error(`A key map of ${bits.length} bytes`);
    this.bits = bits;
  }

  add(scope: string, key: string): void {
    setBit(this.bits, keyBit(scope, key));
  }

  /** False only when the file has no answer under (scope, key). */
  mayHave(scope: string, key: string): boolean {
    return hasBit(this.bits, keyBit(scope, key));
  }
}
