import type { Db } from '../../db/database';
import { countRevision } from './revisions.store';

/** Who a private note let read a conversation (R29): grants are rows, never revoked by a reassign. */
export function createReadersStore(db: Db) {
  return {
    /** Records the grants (a user already granted keeps their first row) and counts the change. */
    async grantReaders(
      conversationId: string,
      userIds: string[],
      grantedBy: string,
      now: number,
    ): Promise<void> {
      if (userIds.length === 0) return;
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('conversation_readers')
          .values(
            userIds.map((user_id) => ({
              conversation_id: conversationId,
              user_id,
              granted_by: grantedBy,
              created_at: now,
            })),
          )
          .onConflict((oc) => oc.columns(['conversation_id', 'user_id']).doNothing())
          .execute();
        // With the grant: whoever remembers the readers by this revision reads them again.
        await countRevision(tx, 'readers_rev', { id: conversationId });
      });
    },

    /** The readers of each conversation (absent: none). */
    async readersOf(conversationIds: string[]): Promise<Map<string, string[]>> {
      const result = new Map<string, string[]>();
      if (conversationIds.length === 0) return result;
      const rows = await db
        .selectFrom('conversation_readers')
        .select(['conversation_id', 'user_id'])
        .where('conversation_id', 'in', conversationIds)
        .orderBy('created_at', 'asc')
        .execute();
      for (const r of rows)
        result.set(r.conversation_id, [...(result.get(r.conversation_id) ?? []), r.user_id]);
      return result;
    },
  };
}
