import type { Db } from '../../db/database';

/**
 * Files for a privacy export (issues 17 and 22): what was sent, by whom, when, and the stored
 * bytes' digest. They go with their conversation (ON DELETE CASCADE), their bytes at the next sweep.
 */
export function createAttachmentsPrivacyStore(db: Db) {
  return {
    async ofConversations(conversationIds: string[]) {
      if (conversationIds.length === 0) return [];
      return db
        .selectFrom('uploads')
        .select([
          'id',
          'conversation_id',
          'message_id',
          'uploader_kind',
          'name',
          'content_type',
          'kind',
          'size',
          'width',
          'height',
          'blob_sha256',
          'created_at',
        ])
        .where('conversation_id', 'in', conversationIds)
        .orderBy('created_at')
        .execute();
    },
  };
}
