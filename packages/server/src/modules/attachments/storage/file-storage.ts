import type { Readable } from 'node:stream';

/**
 * Where blobs live, by key (a SHA-256 in hex). Local disk by default; S3-compatible for several
 * processes (docs/attachments.md). Every method is idempotent: storing a key twice keeps one blob.
 */
export type FileStorage = {
  /** Stores a finished local file (size known) under the key; the file itself stays the caller's. */
  putFile(key: string, path: string, size: number): Promise<void>;
  /** The blob's bytes as a stream, or null when there is none. */
  open(key: string): Promise<Readable | null>;
  has(key: string): Promise<boolean>;
  remove(key: string): Promise<void>;
};

/** Keys are lowercase hex SHA-256: nothing else reaches a path or an object name. */
export function assertKey(key: string): void {
  if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`not a blob key: ${key}`);
}
