import type { Db } from '../../db/database';
import type { ConversationsTable } from '../../db/schema';

/** The deadlines the background sweeps look for: waiting time over, offline path due. */
export function createDeadlinesStore(db: Db) {
  return {
    /** Waiting conversations whose deadline passed (the sweep takes each through `transition`). */
    async expiredWaitingIds(now: number, limit: number): Promise<string[]> {
      const rows = await db
        .selectFrom('conversations')
        .select('id')
        .where('status', '=', 'waiting')
        .where('waiting_deadline', '<=', now)
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },

    /** Leases conversations whose offline path is due, so one process continues each. */
    async claimOfflineDue(now: number, leaseMs: number, limit: number): Promise<ConversationsTable[]> {
      const ids = await db
        .selectFrom('conversations')
        .select('id')
        .where('offline_due', '<=', now)
        .limit(limit)
        .execute();
      const claimed: ConversationsTable[] = [];
      for (const { id } of ids) {
        const row = await db
          .updateTable('conversations')
          .set({ offline_due: now + leaseMs })
          .where('id', '=', id)
          .where('offline_due', '<=', now)
          .returningAll()
          .executeTakeFirst();
        if (row) claimed.push(row);
      }
      return claimed;
    },
  };
}
