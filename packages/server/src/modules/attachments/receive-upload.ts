import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { TAttachmentType } from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import { createZipScanner, sniff, SNIFF_BYTES } from './sniff-type';

export type Received = {
  path: string;
  size: number;
  sha256: string;
  type: TAttachmentType;
  kind: 'image' | 'file';
  /** An embedded ZIP was seen somewhere in the bytes. */
  carriesZip: boolean;
};

/** A fresh temporary file name in `folder` (created when missing). */
export async function temporaryPath(folder: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  return join(folder, `${Date.now()}-${randomBytes(8).toString('hex')}.part`);
}

/**
 * Streams a request body to a temporary file while hashing it, counting it against `maxBytes`
 * (refused at the first byte over: ATTACHMENT_TOO_LARGE) and sniffing its first bytes (refused as
 * soon as they are known: wrong type or polyglot). Never holds more than one chunk and the head in
 * memory. On any refusal or a broken stream the temporary file is gone.
 */
export async function receiveUpload(source: Readable, folder: string, maxBytes: number): Promise<Received> {
  const path = await temporaryPath(folder);
  const hash = createHash('sha256');
  const zip = createZipScanner();
  let size = 0;
  let head = Buffer.alloc(0);
  let sniffed: ReturnType<typeof sniff> | null = null;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new AppError('ATTACHMENT_TOO_LARGE', { details: { maxBytes } }));
      if (!sniffed) {
        head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
        if (head.length >= SNIFF_BYTES) sniffed = sniff(head);
        if (sniffed && !sniffed.ok) return done(new AppError(sniffed.code));
      }
      hash.update(chunk);
      // Only pictures are checked for a ZIP inside (a PDF's compressed streams may hold the bytes).
      if (!sniffed || (sniffed.ok && sniffed.kind === 'image')) zip.push(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(path));
    sniffed ??= sniff(head);
    if (!sniffed.ok) throw new AppError(sniffed.code);
    const { type, kind } = sniffed;
    return { path, size, sha256: hash.digest('hex'), type, kind, carriesZip: zip.found };
  } catch (error) {
    source.destroy();
    await rm(path, { force: true });
    throw error;
  }
}

/** SHA-256 (hex) and size of a local file, streamed. */
export async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}
