import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import type { MailDigestsTable } from '../../db/schema.mail';

export type DigestRow = MailDigestsTable;

/** Pending digests of unanswered chats, one per user (the earliest missed notification sets the time). */
export function createDigestStore(db: Db) {
  const claimable = (now: number) => (eb: ExpressionBuilder<Database, 'mail_digests'>) =>
    eb.and([
      eb('due_at', '<=', now),
      eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]),
    ]);
  const base = () => db.selectFrom('mail_digests');
  return {
    async schedule(userId: string, dueAt: number, now: number): Promise<void> {
      await db
        .insertInto('mail_digests')
        .values({ user_id: userId, due_at: dueAt, claimed_until: null, created_at: now })
        .onConflict((oc) => oc.column('user_id').doNothing())
        .execute();
    },
    async pending(userId: string): Promise<DigestRow | null> {
      return (await base().selectAll().where('user_id', '=', userId).executeTakeFirst()) ?? null;
    },
    async claimDue(now: number, leaseUntil: number, limit: number): Promise<DigestRow[]> {
      return db
        .updateTable('mail_digests')
        .set({ claimed_until: leaseUntil })
        .where('user_id', 'in', base().select('user_id').where(claimable(now)).orderBy('due_at').limit(limit))
        .where(claimable(now))
        .returningAll()
        .execute();
    },
    async finish(userId: string, claimedUntil: number): Promise<void> {
      await db
        .deleteFrom('mail_digests')
        .where('user_id', '=', userId)
        .where('claimed_until', '=', claimedUntil)
        .execute();
    },
  };
}
export type DigestStore = ReturnType<typeof createDigestStore>;
