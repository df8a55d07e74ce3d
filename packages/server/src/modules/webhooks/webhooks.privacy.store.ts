import type { Db } from '../../db/database';
import { likeAny } from '../../db/like';

/** Privacy and retention SQL on the webhook delivery log (issue 22; orchestrated by modules/privacy). */
export function createWebhooksPrivacyStore(db: Db) {
  return {
    /** Deliveries whose payload names any of `needles` (ids, emails, names). */
    async deleteMentioning(needles: string[]): Promise<number> {
      if (needles.length === 0) return 0;
      const result = await db
        .deleteFrom('webhook_deliveries')
        .where((eb) => likeAny(eb, 'body', needles))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    /** Delivered or failed deliveries created before `cutoff`, at most `limit` (a batch). */
    async deleteFinishedBefore(cutoff: number, limit: number): Promise<number> {
      const ids = await db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', 'in', ['delivered', 'failed'])
        .where('created_at', '<', cutoff)
        .limit(limit)
        .execute();
      if (ids.length === 0) return 0;
      const result = await db
        .deleteFrom('webhook_deliveries')
        .where(
          'id',
          'in',
          ids.map((r) => r.id),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
