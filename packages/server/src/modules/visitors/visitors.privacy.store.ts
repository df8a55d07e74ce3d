import type { Db } from '../../db/database';

/** Privacy and retention SQL on the visitors table (issue 22; orchestrated by modules/privacy). */
export function createVisitorsPrivacyStore(db: Db) {
  return {
    async byIds(ids: string[]) {
      if (ids.length === 0) return [];
      return db
        .selectFrom('visitors')
        .select(['id', 'number', 'created_at', 'last_seen_at', 'context'])
        .where('id', 'in', ids)
        .execute();
    },
    /** Deletes visitors who no longer have any conversation. */
    async deleteWithoutConversations(ids: string[]): Promise<number> {
      if (ids.length === 0) return 0;
      const result = await db
        .deleteFrom('visitors')
        .where('id', 'in', ids)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('conversations')
                .select('id')
                .whereRef('conversations.visitor_id', '=', 'visitors.id'),
            ),
          ),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
export type VisitorsPrivacyStore = ReturnType<typeof createVisitorsPrivacyStore>;
