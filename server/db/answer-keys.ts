/**
 * The idempotency keys the SQLite file holds, as 31-bit hashes: a key whose hash is not here
 * has no answer, so the usual request (a new key) needs no read of the file. Hashes that
 * collide only cost a read. Exact because this process is the file's only writer: the set is
 * filled from the file at start and after each prune, and every commit adds its keys.
 */
export class AnswerKeys {
  private hashes = new Set<number>();

  /** Replaces what is known with every (scope, key) of `rows`. */
  reset(rows: Iterable<{ scope: string; key: string }>): void {
    const hashes = new Set<number>();
    for (const { scope, key } of rows) hashes.add(hashOf(scope, key));
    this.hashes = hashes;
  }

  add(scope: string, key: string): void {
    this.hashes.add(hashOf(scope, key));
  }

  /** False only when the file has no answer under (scope, key). */
  mayHave(scope: string, key: string): boolean {
    return this.hashes.has(hashOf(scope, key));
  }
}

const FNV_PRIME = 0x01000193;

function mixIn(hash: number, text: string): number {
  let mixed = hash;
  for (let i = 0; i < text.length; i++) mixed = Math.imul(mixed ^ text.charCodeAt(i), FNV_PRIME);
  return mixed;
}

/** FNV-1a over the UTF-16 code units of scope, a separator (0) and key, kept to 31 bits. */
function hashOf(scope: string, key: string): number {
  const separated = Math.imul(mixIn(0x811c9dc5, scope), FNV_PRIME);
  return mixIn(separated, key) >>> 1;
}
