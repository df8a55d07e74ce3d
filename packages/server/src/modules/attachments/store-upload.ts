import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { TAttachmentDto } from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { ConversationRow } from '../conversations/index';
import type { Actor, AttachmentsDeps } from './attachments.service';
import { toAttachmentDto } from './attachment-dto';
import type { UploadRow } from './attachments.store';
import { storeBlob, type StoredBlob } from './store-blob';

type Deps = Pick<AttachmentsDeps, 'store' | 'storage' | 'conversations' | 'limits' | 'clock'>;

/** The conversation an actor may send a file to now (closed, not theirs, … refused). */
export async function writableRow(
  deps: Pick<Deps, 'conversations'>,
  actor: Actor,
  conversationId: string,
): Promise<ConversationRow> {
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

/** Refuses `bytes` more in the conversation: over one file's limit, or past its quota. */
export async function assertRoom(
  deps: Pick<Deps, 'store' | 'limits'>,
  conversationId: string,
  bytes: number,
): Promise<void> {
  const { limits } = deps;
  if (bytes > limits.maxBytes)
    throw new AppError('ATTACHMENT_TOO_LARGE', { details: { maxBytes: limits.maxBytes } });
  if ((await deps.store.bytesOf(conversationId)) + bytes > limits.conversationMaxBytes)
    throw new AppError('ATTACHMENT_QUOTA_EXCEEDED', { details: { maxBytes: limits.conversationMaxBytes } });
}

/** A staged upload of a stored blob, bound to the conversation and the uploader. */
export function stagedUpload(blob: StoredBlob, actor: Actor, conversationId: string, now: number): UploadRow {
  // Field by field: a canned file row passed here carries more than the blob's description.
  const { blob_sha256, name, content_type, kind, size, width, height } = blob;
  return {
    id: randomBytes(16).toString('base64url'),
    conversation_id: conversationId,
    uploader_kind: actor.kind,
    uploader_id: actor.kind === 'visitor' ? actor.id : actor.user.id,
    ...{ blob_sha256, name, content_type, kind, size, width, height },
    message_id: null,
    created_at: now,
  };
}

/**
 * Receives and stores a file (store-blob.ts) and stages an upload row bound to the conversation
 * and the uploader. Every refusal leaves nothing behind.
 */
export async function storeUpload(
  deps: Deps,
  actor: Actor,
  conversationId: string,
  file: { name: string; size: number },
  body: Readable,
): Promise<TAttachmentDto> {
  const { clock } = deps;
  const row = await writableRow(deps, actor, conversationId);
  await assertRoom(deps, row.id, file.size);
  const blob = await storeBlob(deps, file, body, (bytes) => assertRoom(deps, row.id, bytes));
  const upload = stagedUpload(blob, actor, row.id, clock.now());
  await deps.store.insert(upload, clock.now());
  return toAttachmentDto(upload);
}
