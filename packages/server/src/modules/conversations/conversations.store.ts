import { sql } from 'kysely';
import type { TFolder } from '@charla/protocol';
import type { Db } from '../../db/database';
import type { ConversationsTable, MessagesTable } from '../../db/schema';
import { refreshConversationProfile } from '../search/profile-index.store';
import { createTimelineStore, touchesIdentity } from './timeline.store';

export type { ExpectedState, WithinChange } from './timeline.store';

export type ConversationRow = ConversationsTable;
export type MessageRow = MessagesTable;
export type NewMessage = Omit<MessageRow, 'seq'>;

export type FolderPageQuery = {
  folder: TFolder;
  viewerId: string;
  q?: string | undefined;
  cursor?: { at: number; id: string } | undefined;
  limit: number;
  /** Unassigned only: chats routed to this team (issue 19). */
  teamId?: string | undefined;
};

/** Escapes LIKE wildcards so user input always matches literally. */
function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function createConversationsStore(db: Db) {
  return {
    ...createTimelineStore(db),

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

    async findById(id: string): Promise<ConversationRow | null> {
      return (
        (await db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst()) ?? null
      );
    },

    async findByStartKey(visitorId: string, startKey: string): Promise<ConversationRow | null> {
      return (
        (await db
          .selectFrom('conversations')
          .selectAll()
          .where('visitor_id', '=', visitorId)
          .where('start_key', '=', startKey)
          .executeTakeFirst()) ?? null
      );
    },

    async listForVisitor(visitorId: string, limit: number): Promise<ConversationRow[]> {
      return db
        .selectFrom('conversations')
        .selectAll()
        .where('visitor_id', '=', visitorId)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
    },

    /** One folder page for a viewer; visibility (R14) is part of the WHERE clause, never the caller's job. */
    async listFolder(query: FolderPageQuery): Promise<ConversationRow[]> {
      const sortColumn = query.folder === 'closed' ? 'closed_at' : 'last_message_at';
      let q = db.selectFrom('conversations').selectAll();
      if (query.folder === 'unassigned') q = q.where('status', '=', 'waiting');
      if (query.folder === 'unassigned' && query.teamId) q = q.where('team_id', '=', query.teamId);
      if (query.folder === 'mine')
        q = q.where('status', '=', 'assigned').where('assignee_id', '=', query.viewerId);
      if (query.folder === 'closed') q = q.where('status', '=', 'closed');
      if (query.q) {
        const pattern = likePattern(query.q);
        q = q.where((eb) =>
          eb.or([
            eb(sql`search_text`, 'like', sql`${pattern} escape '\\'`),
            eb(sql`lower(last_message_preview)`, 'like', sql`${pattern} escape '\\'`),
          ]),
        );
      }
      if (query.cursor) {
        const { at, id } = query.cursor;
        q = q.where((eb) =>
          eb.or([eb(sortColumn, '<', at), eb.and([eb(sortColumn, '=', at), eb('id', '<', id)])]),
        );
      }
      return q.orderBy(sortColumn, 'desc').orderBy('id', 'desc').limit(query.limit).execute();
    },

    async counts(viewerId: string): Promise<{ unassigned: number; mine: number; closed: number }> {
      const row = await db
        .selectFrom('conversations')
        .select([
          sql<number>`sum(case when status = 'waiting' then 1 else 0 end)`.as('unassigned'),
          sql<number>`sum(case when status = 'assigned' and assignee_id = ${viewerId} then 1 else 0 end)`.as(
            'mine',
          ),
          sql<number>`sum(case when status = 'closed' then 1 else 0 end)`.as('closed'),
        ])
        .executeTakeFirstOrThrow();
      return {
        unassigned: Number(row.unassigned ?? 0),
        mine: Number(row.mine ?? 0),
        closed: Number(row.closed ?? 0),
      };
    },

    /** Compare-and-set on the playbook run state (its JSON text), so two answers never both apply. */
    async updateRunState(
      id: string,
      expectedRunState: string,
      patch: Partial<ConversationRow>,
    ): Promise<boolean> {
      const write = async (q: Db): Promise<boolean> => {
        const result = await q
          .updateTable('conversations')
          .set(patch)
          .where('id', '=', id)
          .where('run_state', '=', expectedRunState)
          .executeTakeFirst();
        const updated = Number(result.numUpdatedRows) === 1;
        if (updated && touchesIdentity(patch)) await refreshConversationProfile(q, id);
        return updated;
      };
      return touchesIdentity(patch) ? db.transaction().execute(write) : write(db);
    },

    async update(id: string, patch: Partial<ConversationRow>): Promise<void> {
      if (!touchesIdentity(patch)) {
        await db.updateTable('conversations').set(patch).where('id', '=', id).execute();
        return;
      }
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('conversations').set(patch).where('id', '=', id).execute();
        await refreshConversationProfile(trx, id);
      });
    },

    /** Leases conversations whose offline path is due, so one process continues each. */
    async claimOfflineDue(now: number, leaseMs: number, limit: number): Promise<ConversationRow[]> {
      const ids = await db
        .selectFrom('conversations')
        .select('id')
        .where('offline_due', '<=', now)
        .limit(limit)
        .execute();
      const claimed: ConversationRow[] = [];
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

    /** Moves a read position forward (never back, never past the last message); true when it moved. */
    async setReadSeq(id: string, side: 'visitor' | 'user', seq: number): Promise<boolean> {
      const column = side === 'visitor' ? 'visitor_read_seq' : 'user_read_seq';
      const result = await db
        .updateTable('conversations')
        .set({ [column]: seq })
        .where('id', '=', id)
        .where(column, '<', seq)
        .where('last_seq', '>=', seq)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
export type ConversationsStore = ReturnType<typeof createConversationsStore>;
