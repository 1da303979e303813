import { createHash, randomBytes, randomFillSync, timingSafeEqual } from 'node:crypto';

/** A member token: a recognisable prefix (secret scanners, logs) and 256 random bits. */
export function newToken(): string {
  return `tly_${randomBytes(32).toString('base64url')}`;
}

/** Tokens are kept only as SHA-256 hashes: a leaked database does not leak credentials. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const idBytes = 9;
/**
 * Random bytes for ids, drawn 256 ids at a time: a debit takes two or three ids, and a call
 * into the system's generator for each was a fiftieth of the server's CPU under load.
 */
const idPool = Buffer.alloc(idBytes * 256);
let idPoolNext = idPool.length;

/** The base64url digits in ASCII order, so that a time written with them sorts as text. */
const sortableDigits = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';

/**
 * Ids with a kind prefix (acct_, mem_, ent_, hold_, chg_): 8 digits of the wall clock's
 * milliseconds (48 bits, good until the year 10889), then 72 random bits. Ids so sort by when
 * they were made, and a table's index of them grows at its end: a random id wrote one more
 * index page per debit, a sixth of each SQLite commit.
 */
export function newId(prefix: string, now = Date.now()): string {
  if (idPoolNext === idPool.length) {
    randomFillSync(idPool);
    idPoolNext = 0;
  }
  const bytes = idPool.subarray(idPoolNext, idPoolNext + idBytes);
  idPoolNext += idBytes;
  let time = '';
  for (let rest = now, digit = 0; digit < 8; digit++, rest = Math.floor(rest / 64)) {
    time = sortableDigits[rest % 64] + time;
  }
  return `${prefix}_${time}${bytes.toString('base64url')}`;
}

/** The bearer token of an Authorization header, or null when missing or malformed. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(header ?? '');
  return match?.[1] ?? null;
}

/** Compares the operator key in constant time (hashes first, so the lengths always match). */
export function isOperatorKey(candidate: string, operatorKey: string): boolean {
  const a = createHash('sha256').update(candidate).digest();
  const b = createHash('sha256').update(operatorKey).digest();
  return timingSafeEqual(a, b);
}
