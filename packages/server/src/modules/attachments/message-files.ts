import type { TAttachmentDto } from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Db } from '../../db/database';
import type { AttachmentsStore, Uploader } from './attachments.store';
import { toAttachmentDto } from './attachment-dto';

/**
 * What the conversations module asks when a message sends files: the staged uploads' metadata
 * before the message is built, and their claim inside the message's transaction.
 */
export function createMessageFiles(store: AttachmentsStore) {
  return {
    /** The staged uploads, in the order named; ATTACHMENT_NOT_FOUND when any is not this uploader's here. */
    async prepare(conversationId: string, uploader: Uploader, ids: string[]): Promise<TAttachmentDto[]> {
      const unique = [...new Set(ids)];
      const rows = await store.staged(conversationId, uploader, unique);
      if (rows.length !== unique.length) throw new AppError('ATTACHMENT_NOT_FOUND');
      const byId = new Map(rows.map((r) => [r.id, r]));
      return unique.map((id) => toAttachmentDto(byId.get(id) as (typeof rows)[number]));
    },
    /** Claims them for the message; a concurrent claim in between rolls the message back. */
    async claim(tx: Db, conversationId: string, uploader: Uploader, ids: string[], messageId: string) {
      const unique = [...new Set(ids)];
      const claimed = await store.claim(tx, conversationId, uploader, unique, messageId);
      if (claimed !== unique.length) throw new AppError('ATTACHMENT_NOT_FOUND');
    },
  };
}
export type MessageFiles = ReturnType<typeof createMessageFiles>;
