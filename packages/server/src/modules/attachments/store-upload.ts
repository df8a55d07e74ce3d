import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { TAttachmentDto } from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { ConversationRow } from '../conversations/index';
import type { Actor, AttachmentsDeps } from './attachments.service';
import { toAttachmentDto } from './attachment-dto';
import type { UploadRow } from './attachments.store';
import { sanitiseFileName } from './file-name';
import { hashFile, receiveUpload, temporaryPath } from './receive-upload';
import { reencodeImage } from './reencode-image';

type Deps = Pick<AttachmentsDeps, 'store' | 'storage' | 'conversations' | 'limits' | 'clock'>;

/** The conversation an actor may send a file to now (closed, not theirs, … refused). */
async function writableRow(deps: Deps, actor: Actor, conversationId: string): Promise<ConversationRow> {
  const { conversations } = deps;
  if (actor.kind === 'visitor') {
    const row = await conversations.getVisitorRow(conversationId, actor.id);
    conversations.assertWritable(row, { kind: 'visitor_message' });
    return row;
  }
  const row = await conversations.getVisibleRow(conversationId, actor.user);
  conversations.assertWritable(row, { kind: 'user_message', userId: actor.user.id });
  return row;
}

async function assertRoom(deps: Deps, conversationId: string, bytes: number): Promise<void> {
  const { limits } = deps;
  if (bytes > limits.maxBytes)
    throw new AppError('ATTACHMENT_TOO_LARGE', { details: { maxBytes: limits.maxBytes } });
  if ((await deps.store.bytesOf(conversationId)) + bytes > limits.conversationMaxBytes)
    throw new AppError('ATTACHMENT_QUOTA_EXCEEDED', { details: { maxBytes: limits.conversationMaxBytes } });
}

/**
 * Receives a file (streamed to a temporary file, sniffed, limited), re-encodes images, stores the
 * blob under its SHA-256 and stages an upload row bound to the conversation and the uploader.
 * Every refusal leaves nothing behind.
 */
export async function storeUpload(
  deps: Deps,
  actor: Actor,
  conversationId: string,
  file: { name: string; size: number },
  body: Readable,
): Promise<TAttachmentDto> {
  const { limits, clock } = deps;
  const row = await writableRow(deps, actor, conversationId);
  await assertRoom(deps, row.id, file.size);
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
    await assertRoom(deps, row.id, stored.size);
    await deps.storage.putFile(stored.sha256, stored.path, stored.size);
    const upload: UploadRow = {
      id: randomBytes(16).toString('base64url'),
      conversation_id: row.id,
      uploader_kind: actor.kind,
      uploader_id: actor.kind === 'visitor' ? actor.id : actor.user.id,
      blob_sha256: stored.sha256,
      name: sanitiseFileName(file.name, received.type),
      content_type: received.type,
      kind: received.kind,
      size: stored.size,
      ...dimensions,
      message_id: null,
      created_at: clock.now(),
    };
    await deps.store.insert(upload, clock.now());
    return toAttachmentDto(upload);
  } finally {
    for (const path of temporary) await rm(path, { force: true });
  }
}
