import type { Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import type { ReportFactsTable, ReportFactUsersTable } from '../../db/schema.reports';
import { saveWithRollups } from './report-rollups.store';
import type { ReportConversationRow, ReportEventRow, ReportReplyRow } from './conversation-facts';

export type Changed = { id: string; updated_at: number };

/** SQL of the precomputed report rows: what changed, the timelines behind it, and the upsert. */
export function createReportFactsStore(db: Db) {
  return {
    /** The newest source watermark stored (null before the first catch-up). */
    async watermark(): Promise<number | null> {
      const row = await db
        .selectFrom('report_facts')
        .select((eb) => eb.fn.max<number | string | null>('source_updated_at').as('at'))
        .executeTakeFirst();
      return row?.at === null || row?.at === undefined ? null : Number(row.at);
    },
    /** The last conversation in (updated_at, id) order: where a catch-up that starts now ends. */
    async newestChange(): Promise<Changed | null> {
      const row = await db
        .selectFrom('conversations')
        .select(['id', 'updated_at'])
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? { id: row.id, updated_at: Number(row.updated_at) } : null;
    },
    /** Conversations changed at or after `since`, in (updated_at, id) order after `after`. */
    async changedSince(since: number, after: Changed | null, limit: number): Promise<Changed[]> {
      let q = db.selectFrom('conversations').select(['id', 'updated_at']).where('updated_at', '>=', since);
      if (after)
        q = q.where((eb) =>
          eb.or([
            eb('updated_at', '>', after.updated_at),
            eb.and([eb('updated_at', '=', after.updated_at), eb('id', '>', after.id)]),
          ]),
        );
      const rows = await q.orderBy('updated_at').orderBy('id').limit(limit).execute();
      return rows.map((r) => ({ id: r.id, updated_at: Number(r.updated_at) }));
    },
    async conversations(ids: string[]): Promise<ReportConversationRow[]> {
      const rows = await db
        .selectFrom('conversations')
        .where('id', 'in', ids)
        .select([
          'id',
          'playbook_id',
          'team_id',
          'status',
          'close_reason',
          'assignee_id',
          'created_at',
          'closed_at',
        ])
        .execute();
      return rows.map((r) => ({
        ...r,
        created_at: Number(r.created_at),
        closed_at: r.closed_at === null ? null : Number(r.closed_at),
      }));
    },
    async events(ids: string[]): Promise<ReportEventRow[]> {
      const rows = await db
        .selectFrom('messages')
        .where('conversation_id', 'in', ids)
        .where('author_kind', '=', 'system')
        .select(['conversation_id', 'created_at', 'meta'])
        .execute();
      return rows.map((r) => ({ ...r, created_at: Number(r.created_at) }));
    },
    /** Each team member's first message per conversation. */
    async replies(ids: string[]): Promise<ReportReplyRow[]> {
      const rows = await db
        .selectFrom('messages')
        .where('conversation_id', 'in', ids)
        .where('author_kind', '=', 'user')
        // A user's message with meta is a private note (issue 16): never a response to the visitor.
        .where('meta', 'is', null)
        .groupBy(['conversation_id', 'author_id'])
        .select((eb) => ['conversation_id', 'author_id', eb.fn.min<number>('created_at').as('first_at')])
        .execute();
      return rows.map((r) => ({ ...r, first_at: Number(r.first_at) }));
    },
    /** Writes the rows (idempotent: concurrent catch-ups write the same values). */
    async save(facts: ReportFactsTable[], users: ReportFactUsersTable[]): Promise<void> {
      if (facts.length === 0) return;
      await db
        .transaction()
        .execute((trx) => saveWithRollups(trx, facts, users, () => upsertFacts(trx, facts, users)));
    },
  };
}
/** The rows themselves (idempotent: concurrent catch-ups write the same values). */
async function upsertFacts(
  trx: Transaction<Database>,
  facts: ReportFactsTable[],
  users: ReportFactUsersTable[],
) {
  await trx
    .insertInto('report_facts')
    .values(facts)
    .onConflict((oc) =>
      oc.column('conversation_id').doUpdateSet((eb) => {
        const { conversation_id: _id, ...rest } = facts[0] as ReportFactsTable;
        const set: Record<string, unknown> = {};
        for (const key of Object.keys(rest)) set[key] = eb.ref(`excluded.${key}` as never);
        return set;
      }),
    )
    .execute();
  if (users.length)
    await trx
      .insertInto('report_fact_users')
      .values(users)
      .onConflict((oc) => oc.columns(['conversation_id', 'user_id']).doNothing())
      .execute();
}
export type ReportFactsStore = ReturnType<typeof createReportFactsStore>;
