import type { ExpressionBuilder } from 'kysely';
import type { TMailStatus } from '@charla/protocol';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import type { MailOutboxTable } from '../../db/schema.mail';

export type MailRow = MailOutboxTable;
export type MailOutcome = Pick<
  MailRow,
  'status' | 'attempts' | 'next_attempt_at' | 'last_attempt_at' | 'last_error' | 'sent_at'
> &
  Partial<Pick<MailRow, 'html_body' | 'text_body'>>;

/** Due and not held by a live claim: the one condition every claim repeats. */
function isClaimable(now: number) {
  return (eb: ExpressionBuilder<Database, 'mail_outbox'>) =>
    eb.and([
      eb('status', '=', 'pending'),
      eb('next_attempt_at', '<=', now),
      eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]),
    ]);
}

/** The mail outbox table: the queue every process sweeps, and the admin's mail log. */
export function createMailStore(db: Db) {
  return {
    async insert(row: MailRow): Promise<void> {
      await db.insertInto('mail_outbox').values(row).execute();
    },
    async find(id: string): Promise<MailRow | null> {
      return (await db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
    },
    /**
     * Atomically claims up to `limit` due rows until `leaseUntil`. The outer WHERE repeats the
     * condition so that on PostgreSQL a concurrent claimer re-checks the row after the first one
     * commits and skips it; on SQLite the statement is serialized anyway.
     */
    async claimDue(now: number, leaseUntil: number, limit: number): Promise<MailRow[]> {
      return db
        .updateTable('mail_outbox')
        .set({ claimed_until: leaseUntil })
        .where(
          'id',
          'in',
          db
            .selectFrom('mail_outbox')
            .select('id')
            .where(isClaimable(now))
            .orderBy('next_attempt_at')
            .limit(limit),
        )
        .where(isClaimable(now))
        .returningAll()
        .execute();
    },
    /** Records an attempt only while our claim still holds (a stale worker's late answer is dropped). */
    async finishAttempt(id: string, claimedUntil: number, outcome: MailOutcome): Promise<boolean> {
      const result = await db
        .updateTable('mail_outbox')
        .set({ ...outcome, claimed_until: null })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('claimed_until', '=', claimedUntil)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async list(query: { status?: TMailStatus; beforeId?: string; limit: number }): Promise<MailRow[]> {
      let q = db.selectFrom('mail_outbox').selectAll();
      if (query.status) q = q.where('status', '=', query.status);
      if (query.beforeId) q = q.where('id', '<', query.beforeId);
      return q.orderBy('id', 'desc').limit(query.limit).execute();
    },
    async countByStatus(): Promise<Record<TMailStatus, number>> {
      const rows = await db
        .selectFrom('mail_outbox')
        .select((eb) => ['status', eb.fn.countAll<number | string>().as('n')])
        .groupBy('status')
        .execute();
      const counts: Record<TMailStatus, number> = { pending: 0, sent: 0, failed: 0, skipped: 0 };
      for (const r of rows) counts[r.status] = Number(r.n);
      return counts;
    },
  };
}
export type MailStore = ReturnType<typeof createMailStore>;
