import { randomBytes, createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';

/** A new sortable id (UUIDv7). */
export function newId(): string {
  return uuidv7();
}

/** An unguessable token: 32 bytes (256 bits) of randomness, base64url. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a secret token: we keep only its SHA-256. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
