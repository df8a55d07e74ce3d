import type { Db } from '../../db/database';
import { forgetReportFacts } from '../reports/index';
import { forgetConversations } from '../search/index';

/**
 * Privacy and retention SQL on conversations and messages (issue 22; orchestrated by
 * modules/privacy). Deleting a conversation removes its messages, rating, CRM panel and links
 * with it (ON DELETE CASCADE).
 */
export function createConversationsPrivacyStore(db: Db) {
  return {
    async ofVisitors(visitorIds: string[]) {
      if (visitorIds.length === 0) return [];
      return db
        .selectFrom('conversations')
        .selectAll()
        .where('visitor_id', 'in', visitorIds)
        .orderBy('created_at')
        .execute();
    },
    async byIds(ids: string[]) {
      if (ids.length === 0) return [];
      return db.selectFrom('conversations').selectAll().where('id', 'in', ids).execute();
    },
    async messagesOf(conversationIds: string[]) {
      if (conversationIds.length === 0) return [];
      return db
        .selectFrom('messages')
        .select(['conversation_id', 'seq', 'author_kind', 'author_name', 'body', 'created_at'])
        .where('conversation_id', 'in', conversationIds)
        .orderBy('conversation_id')
        .orderBy('seq')
        .execute();
    },
    /** Closed conversations closed before `cutoff`, oldest first, at most `limit`. */
    async closedBefore(cutoff: number, limit: number) {
      return db
        .selectFrom('conversations')
        .select(['id', 'visitor_id'])
        .where('status', '=', 'closed')
        .where('closed_at', '<', cutoff)
        .orderBy('closed_at')
        .limit(limit)
        .execute();
    },
    async deleteByIds(ids: string[]): Promise<number> {
      if (ids.length === 0) return 0;
      return db.transaction().execute(async (tx) => {
        await forgetConversations(tx, ids);
        await forgetReportFacts(tx, ids);
        const result = await tx.deleteFrom('conversations').where('id', 'in', ids).executeTakeFirst();
        return Number(result.numDeletedRows);
      });
    },
  };
}
export type ConversationsPrivacyStore = ReturnType<typeof createConversationsPrivacyStore>;
