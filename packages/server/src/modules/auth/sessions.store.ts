import type { Db } from '../../db/database';
import type { SessionsTable } from '../../db/schema';

export type SessionRow = SessionsTable;

export function createSessionsStore(db: Db) {
  return {
    async insert(row: SessionRow): Promise<void> {
      await db.insertInto('sessions').values(row).execute();
    },
    async findValid(id: string, now: number): Promise<SessionRow | null> {
      return (
        (await db
          .selectFrom('sessions')
          .selectAll()
          .where('id', '=', id)
          .where('expires_at', '>', now)
          .executeTakeFirst()) ?? null
      );
    },
    async touch(id: string, now: number, expiresAt: number): Promise<void> {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: now, expires_at: expiresAt })
        .where('id', '=', id)
        .execute();
    },
    async listForUser(userId: string, now: number): Promise<SessionRow[]> {
      return db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', userId)
        .where('expires_at', '>', now)
        .orderBy('last_seen_at', 'desc')
        .execute();
    },
    async delete(id: string): Promise<number> {
      const r = await db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async deleteForUser(userId: string, sessionId?: string): Promise<string[]> {
      let q = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (sessionId !== undefined) q = q.where('id', '=', sessionId);
      const rows = await q.returning('id').execute();
      return rows.map((r) => r.id);
    },
  };
}
export type SessionsStore = ReturnType<typeof createSessionsStore>;
