// biome-ignore lint/correctness/useImportExtensions: plain JavaScript the writer thread loads too; its types are in answer-key-bits.d.mts
import { bitCount, hasBit, keyBit, setBit } from './answer-key-bits.mjs';

/**
 * The idempotency keys the SQLite file holds, as one bit each in a fixed map of hashes
 * (answer-key-bits.mjs): a key whose bit is clear has no answer, so the usual request (a new
 * key) needs no read of the file. A key whose bit another key set only costs a read: at a
 * million keys about one new key in 130 is read, at 30 million one in five. Exact because this
 * process is the file's only writer: the writer thread maps the file's keys at start and after
 * each prune, a few thousand at a time between the batches it commits, and every commit adds its
 * keys. Until the first map arrives every key is "maybe" (read from the file). Its size never
 * grows (a `Set` of hashes stops at 2^24 entries, a day of keys at 200 a second, and costs tens
 * of bytes per key).
 */
export class AnswerKeys {
  private bits: Uint8Array | null = null;
  /** The bits added since a new map was asked for: the map may have been read before them. */
  private addedMeanwhile: number[] | null = null;

  /** A new map of the file is on its way: the keys added from now on are kept for it too. */
  mapping(): void {
    this.addedMeanwhile ??= [];
  }

  /** The map of the file asked for with `mapping()`, and the keys added since, replace the old one. */
  replace(bits: Uint8Array): void {
    if (bits.length !== bitCount / 8) throw new Error(`A key map of ${bits.length} bytes`);
    for (const bit of this.addedMeanwhile ?? []) setBit(bits, bit);
    this.bits = bits;
    this.addedMeanwhile = null;
  }

  /** No new map comes: the one there is (it has every key added since) stays. */
  notMapped(): void {
    this.addedMeanwhile = null;
  }

  add(scope: string, key: string): void {
    const bit = keyBit(scope, key);
    if (this.bits) setBit(this.bits, bit);
    this.addedMeanwhile?.push(bit);
  }

  /** False only when the file has no answer under (scope, key). */
  mayHave(scope: string, key: string): boolean {
    return this.bits === null || hasBit(this.bits, keyBit(scope, key));
  }
}
