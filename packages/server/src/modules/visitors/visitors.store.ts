import type { Db } from '../../db/database';
import type { VisitorsTable } from '../../db/schema';

export type VisitorRow = VisitorsTable;

export function createVisitorsStore(db: Db) {
  return {
    /** A new visitor is bound to no verified user unless the row says so (issue 24). */
    async insert(row: Omit<VisitorRow, 'verified_user_id'> & Partial<VisitorRow>): Promise<void> {
      await db.insertInto('visitors').values(row).execute();
    },
    /** By the visitor's own token, or by one issued when they opened a follow-up link (issue 20). */
    async findByTokenHash(tokenHash: string): Promise<VisitorRow | null> {
      const own = await db
        .selectFrom('visitors')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (own) return own;
      return (
        (await db
          .selectFrom('visitors')
          .innerJoin('visitor_link_tokens', 'visitor_link_tokens.visitor_id', 'visitors.id')
          .selectAll('visitors')
          .where('visitor_link_tokens.token_hash', '=', tokenHash)
          .executeTakeFirst()) ?? null
      );
    },
    async findById(id: string): Promise<VisitorRow | null> {
      return (await db.selectFrom('visitors').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
    },
    async findManyByIds(ids: string[]): Promise<VisitorRow[]> {
      if (ids.length === 0) return [];
      return db.selectFrom('visitors').selectAll().where('id', 'in', ids).execute();
    },
    async updateContext(id: string, context: string, now: number): Promise<void> {
      await db.updateTable('visitors').set({ context, last_seen_at: now }).where('id', '=', id).execute();
    },
  };
}
export type VisitorsStore = ReturnType<typeof createVisitorsStore>;
