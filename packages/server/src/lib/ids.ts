import { randomBytes, randomFillSync, createHash } from 'node:crypto';
import { V7Generator } from 'uuidv7';

/**
 * The random words UUIDv7s take, from a pool filled 4 KB at a time. uuidv7's default source asks
 * `crypto.getRandomValues` for 32 bytes at a time, and each new millisecond takes three words: on
 * the message path that was one call into the crypto binding every few ids, about 2 % of the
 * server's CPU at 2,000 messages a second (issue 25).
 */
const POOL_WORDS = 1024;
const pool = new Uint32Array(POOL_WORDS);
let poolAt = POOL_WORDS;
const pooledRandom = {
  nextUint32(): number {
    if (poolAt === POOL_WORDS) {
      randomFillSync(pool);
      poolAt = 0;
    }
    return pool[poolAt++]!;
  },
};
const generator = new V7Generator(pooledRandom);

/**
 * A new sortable id (UUIDv7). uuidv7 builds its text by concatenation, which V8 keeps as a rope of
 * 24 pieces (about 800 bytes) until something reads it character by character; reading one
 * character flattens it into one 36-character string (about 60 bytes). Ids live long (each socket
 * holds one, every message and its DTO another), so they are flattened at birth (issue 25).
 */
export function newId(): string {
  const id = generator.generate().toString();
  id.charCodeAt(0);
  return id;
}

/** An unguessable token: 32 bytes (256 bits) of randomness, base64url. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a secret token: we keep only its SHA-256. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
