import { sql } from 'kysely';
import type { TFolder } from '@charla/protocol';
import type { Db } from '../../db/database';
import type { ConversationsTable, MessagesTable } from '../../db/schema';
import { indexMessage } from '../search/message-index.store';
import { refreshConversationProfile } from '../search/profile-index.store';

export type ConversationRow = ConversationsTable;
export type MessageRow = MessagesTable;
export type NewMessage = Omit<MessageRow, 'seq'>;

/**
 * The lifecycle fields a conditional update compares against (optimistic concurrency).
 * `beforeDeadline`: the waiting deadline must still be ahead of this instant (R13: from the
 * deadline on, the chat belongs to the offline path, whether or not a sweep has run yet).
 */
export type ExpectedState = {
  status: ConversationRow['status'];
  assigneeId: string | null;
  beforeDeadline?: number;
};

export type FolderPageQuery = {
  folder: TFolder;
  viewerId: string;
  q?: string | undefined;
  cursor?: { at: number; id: string } | undefined;
  limit: number;
};

/** A patch that changes who the conversation is with must refresh its search profile (issue 15). */
function touchesIdentity(patch: Partial<ConversationRow>): boolean {
  return 'visitor_name' in patch || 'visitor_email' in patch || 'search_text' in patch;
}

/** Escapes LIKE wildcards so user input always matches literally. */
function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function createConversationsStore(db: Db) {
  return {
    async insert(row: ConversationRow): Promise<ConversationRow> {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('conversations').values(row).execute();
        await refreshConversationProfile(trx, row.id);
      });
      return row;
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

    /**
     * Applies `patch` only if the conversation is still in the expected state: one atomic
     * conditional UPDATE, so of many concurrent Assign-to-me exactly one wins.
     */
    async updateIfState(
      id: string,
      expected: ExpectedState,
      patch: Partial<ConversationRow>,
    ): Promise<boolean> {
      let q = db
        .updateTable('conversations')
        .set(patch)
        .where('id', '=', id)
        .where('status', '=', expected.status);
      q =
        expected.assigneeId === null
          ? q.where('assignee_id', 'is', null)
          : q.where('assignee_id', '=', expected.assigneeId);
      const before = expected.beforeDeadline;
      if (before !== undefined)
        q = q.where((eb) => eb.or([eb('waiting_deadline', 'is', null), eb('waiting_deadline', '>', before)]));
      const result = await q.executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
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

    /** Claims every waiting conversation whose deadline passed: closed as missed, offline path due. */
    async claimExpiredWaiting(now: number, limit: number): Promise<ConversationRow[]> {
      const ids = await db
        .selectFrom('conversations')
        .select('id')
        .where('status', '=', 'waiting')
        .where('waiting_deadline', '<=', now)
        .limit(limit)
        .execute();
      const claimed: ConversationRow[] = [];
      for (const { id } of ids) {
        const row = await db
          .updateTable('conversations')
          .set({
            status: 'closed',
            close_reason: 'missed',
            closed_at: now,
            waiting_deadline: null,
            offline_due: now,
            updated_at: now,
          })
          .where('id', '=', id)
          .where('status', '=', 'waiting')
          .where('waiting_deadline', '<=', now)
          .returningAll()
          .executeTakeFirst();
        if (row) claimed.push(row);
      }
      return claimed;
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

    /**
     * Appends a message with the next per-conversation sequence number, in one transaction.
     * A repeated client message id returns the stored message instead of a second one.
     */
    async appendMessage(
      message: NewMessage,
      conversationPatch: Partial<ConversationRow> = {},
      expectedStatus?: ConversationRow['status'],
    ): Promise<{ message: MessageRow; conversation: ConversationRow; duplicate: boolean } | null> {
      // Callers look up the client id first; a retry racing this insert hits the unique index below.
      try {
        return await db.transaction().execute(async (trx) => {
          let update = trx
            .updateTable('conversations')
            .set((eb) => ({ ...conversationPatch, last_seq: eb('last_seq', '+', 1) }))
            .where('id', '=', message.conversation_id);
          // The state the caller checked must still hold when the message lands (another process
          // may have closed the conversation meanwhile): null tells it to look again.
          if (expectedStatus) update = update.where('status', '=', expectedStatus);
          const conversation = await update.returningAll().executeTakeFirst();
          if (!conversation) return null;
          const row: MessageRow = { ...message, seq: conversation.last_seq };
          await trx.insertInto('messages').values(row).execute();
          await indexMessage(trx, row);
          if (touchesIdentity(conversationPatch)) await refreshConversationProfile(trx, conversation.id);
          return { message: row, conversation, duplicate: false };
        });
      } catch (error) {
        // A concurrent retry with the same client id won the unique index: answer with its message.
        if (message.client_msg_id) {
          const winner = await this.findByClientMsgId(message.conversation_id, message.client_msg_id);
          if (winner)
            return {
              message: winner,
              conversation: (await this.findById(message.conversation_id)) as ConversationRow,
              duplicate: true,
            };
        }
        throw error;
      }
    },

    async findByClientMsgId(conversationId: string, clientMsgId: string): Promise<MessageRow | null> {
      return (
        (await db
          .selectFrom('messages')
          .selectAll()
          .where('conversation_id', '=', conversationId)
          .where('client_msg_id', '=', clientMsgId)
          .executeTakeFirst()) ?? null
      );
    },

    async messagesAfter(conversationId: string, afterSeq: number, limit: number): Promise<MessageRow[]> {
      return db
        .selectFrom('messages')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .where('seq', '>', afterSeq)
        .orderBy('seq', 'asc')
        .limit(limit)
        .execute();
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
