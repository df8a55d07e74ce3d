import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { AppError } from '../../lib/app-error';
import type { AttachmentsDeps } from './attachments.service';
import type { UploadRow } from './attachments.store';
import { sanitiseFileName } from './file-name';
import { hashFile, receiveUpload, temporaryPath } from './receive-upload';
import { reencodeImage } from './reencode-image';

/** A file received and stored under its SHA-256: what an upload or a canned file row records of it. */
export type StoredBlob = Pick<
  UploadRow,
  'blob_sha256' | 'name' | 'content_type' | 'kind' | 'size' | 'width' | 'height'
>;

/**
 * Receives a file (streamed to a temporary file, sniffed, limited), re-encodes images and puts
 * the result in the storage under its SHA-256. `assertFits` checks the stored size against the
 * caller's own room (a conversation's quota) before any byte is stored. Every refusal leaves
 * nothing behind; the caller records the blob and its row.
 */
export async function storeBlob(
  deps: Pick<AttachmentsDeps, 'storage' | 'limits'>,
  file: { name: string; size: number },
  body: Readable,
  assertFits: (bytes: number) => Promise<void>,
): Promise<StoredBlob> {
  const { limits } = deps;
  if (file.size > limits.maxBytes)
    throw new AppError('ATTACHMENT_TOO_LARGE', { details: { maxBytes: limits.maxBytes } });
  const received = await receiveUpload(body, limits.temporaryDir, limits.maxBytes);
  const temporary = [received.path];
  try {
    if (received.size !== file.size)
      throw new AppError('ATTACHMENT_INCOMPLETE', {
        details: { expected: file.size, received: received.size },
      });
    if (received.kind === 'image' && received.carriesZip) throw new AppError('ATTACHMENT_POLYGLOT');
    let stored = { path: received.path, sha256: received.sha256, size: received.size };
    let dimensions: { width: number | null; height: number | null } = { width: null, height: null };
    if (received.kind === 'image') {
      const output = await temporaryPath(limits.temporaryDir);
      temporary.push(output);
      dimensions = await reencodeImage(received.path, output, received.type);
      stored = { path: output, ...(await hashFile(output)) };
    }
    await assertFits(stored.size);
    await deps.storage.putFile(stored.sha256, stored.path, stored.size);
    return {
      blob_sha256: stored.sha256,
      name: sanitiseFileName(file.name, received.type),
      content_type: received.type,
      kind: received.kind,
      size: stored.size,
      ...dimensions,
    };
  } finally {
    for (const path of temporary) await rm(path, { force: true });
  }
}
