import type { Db } from '../../db/database';

/** Ratings for a privacy export (issue 22); they go with their conversation (ON DELETE CASCADE). */
export function createRatingsPrivacyStore(db: Db) {
  return {
    async ofConversations(conversationIds: string[]) {
      if (conversationIds.length === 0) return [];
      return db
        .selectFrom('conversation_ratings')
        .select(['conversation_id', 'scale', 'score', 'comment', 'created_at', 'updated_at'])
        .where('conversation_id', 'in', conversationIds)
        .execute();
    },
  };
}
