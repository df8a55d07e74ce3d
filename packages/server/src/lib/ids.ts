import { randomBytes, createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';

/**
 * A new sortable id (UUIDv7). uuidv7 builds its text by concatenation, which V8 keeps as a rope of
 * 24 pieces (about 800 bytes) until something reads it character by character; reading one
 * character flattens it into one 36-character string (about 60 bytes). Ids live long (each socket
 * holds one, every message and its DTO another), so they are flattened at birth (issue 25).
 */
export function newId(): string {
  const id = uuidv7();
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
