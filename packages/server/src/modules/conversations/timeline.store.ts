import type { Db } from '../../db/database';
import type { ConversationsTable, MessagesTable } from '../../db/schema';
import { createCommitGroup } from '../../db/commit-group';
import { indexNewMessage, isPostgres, refreshConversationProfile } from '../search/index';
import { insertChatMessage } from './message-insert.store';

type ConversationRow = ConversationsTable;
type MessageRow = MessagesTable;
type NewMessage = Omit<MessageRow, 'seq'>;

/**
 * Runs inside the transaction of a change, after its rows are written: the durable listeners
 * (webhook outbox) write theirs with `tx`. Throwing rolls the whole change back.
 */
export type WithinChange = (tx: Db, conversation: ConversationRow, messages: MessageRow[]) => Promise<void>;

/**
 * The lifecycle fields a conditional update compares against (optimistic concurrency).
 * `beforeDeadline`: the waiting deadline must still be ahead of this instant (R13: from the
 * deadline on, the chat belongs to the offline path, whether or not a sweep has run yet).
 * `deadlineReached`: the opposite, for the sweep (its claim: exactly one process wins).
 */
export type ExpectedState = {
  status: ConversationRow['status'];
  assigneeId: string | null;
  beforeDeadline?: number;
  deadlineReached?: number;
  /** The watchdog's no-reply claim: the reply deadline is still set and reached (issue 19). */
  watchdogReached?: number;
  /**
   * Runs first in the transaction (automatic assignment locks the picked user's routing row and
   * checks their capacity, issue 19); throwing rolls everything back.
   */
  guard?: (tx: Db) => Promise<void>;
};

/** A patch that changes who the conversation is with must refresh its search profile (issue 15). */
export function touchesIdentity(patch: Partial<ConversationRow>): boolean {
  return 'visitor_name' in patch || 'visitor_email' in patch || 'search_text' in patch;
}

/** The UPDATE of a lifecycle change, matching only while the state is still the expected one. */
function conditionalUpdate(
  tx: Db,
  id: string,
  expected: ExpectedState,
  patch: Partial<ConversationRow>,
  newMessages: number,
) {
  let q = tx
    .updateTable('conversations')
    .set((eb) => ({ ...patch, last_seq: eb('last_seq', '+', newMessages) }))
    .where('id', '=', id)
    .where('status', '=', expected.status);
  q =
    expected.assigneeId === null
      ? q.where('assignee_id', 'is', null)
      : q.where('assignee_id', '=', expected.assigneeId);
  const { beforeDeadline: before, deadlineReached: reached } = expected;
  if (before !== undefined)
    q = q.where((eb) => eb.or([eb('waiting_deadline', 'is', null), eb('waiting_deadline', '>', before)]));
  if (reached !== undefined) q = q.where('waiting_deadline', '<=', reached);
  if (expected.watchdogReached !== undefined)
    q = q.where('watchdog_deadline', '<=', expected.watchdogReached);
  return q;
}

/** Inserts a change's messages with the sequence numbers its UPDATE reserved, and indexes them. */
async function insertMessages(tx: Db, conversation: ConversationRow, messages: NewMessage[]) {
  const first = conversation.last_seq - messages.length + 1;
  const rows = messages.map((m, i): MessageRow => ({ ...m, seq: first + i }));
  if (rows.length > 0) await tx.insertInto('messages').values(rows).execute();
  // The full-text index follows in the same transaction on PostgreSQL; SQLite's trigger queues
  // them for the batch indexer (issue 25, modules/search/message-indexer.store.ts).
  for (const row of rows) await indexNewMessage(tx, row);
  return rows;
}

async function findByClientMsgId(
  db: Db,
  conversationId: string,
  clientMsgId: string,
): Promise<MessageRow | null> {
  return (
    (await db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('client_msg_id', '=', clientMsgId)
      .executeTakeFirst()) ?? null
  );
}

/** A message stored by a concurrent retry with the same client id, with its conversation. */
async function storedDuplicate(db: Db, message: NewMessage) {
  if (!message.client_msg_id) return null;
  const winner = await findByClientMsgId(db, message.conversation_id, message.client_msg_id);
  const conversation = await db
    .selectFrom('conversations')
    .selectAll()
    .where('id', '=', message.conversation_id)
    .executeTakeFirst();
  return winner && conversation ? { message: winner, conversation, duplicate: true } : null;
}

/**
 * One message: the sequence number, the row and its index entry, then `within` (in a transaction,
 * or on PostgreSQL as one statement alone when nothing else is written: see `appendMessage`).
 */
async function appendInTransaction(
  tx: Db,
  message: NewMessage,
  conversationPatch: Partial<ConversationRow>,
  expectedStatus: ConversationRow['status'] | undefined,
  within: WithinChange,
): Promise<{ message: MessageRow; conversation: ConversationRow; duplicate: boolean } | null> {
  const stored = await insertChatMessage(tx, message, conversationPatch, expectedStatus);
  if (!stored) return null;
  const { conversation, row } = stored;
  if (touchesIdentity(conversationPatch)) await refreshConversationProfile(tx, conversation.id);
  await within(tx, conversation, [row]);
  return { message: row, conversation, duplicate: false };
}

/** Writes of a conversation and its timeline: each change is one transaction. */
export function createTimelineStore(db: Db) {
  // Chat messages arriving together share a commit on SQLite (issue 25): db/commit-group.ts.
  const messageCommits = createCommitGroup(db);
  return {
    findByClientMsgId: (conversationId: string, clientMsgId: string) =>
      findByClientMsgId(db, conversationId, clientMsgId),

    /** Inserts a new conversation and lets the durable listeners record its creation, atomically. */
    async insert(row: ConversationRow, within?: WithinChange): Promise<ConversationRow> {
      await db.transaction().execute(async (tx) => {
        await tx.insertInto('conversations').values(row).execute();
        await refreshConversationProfile(tx, row.id);
        if (within) await within(tx, row, []);
      });
      return row;
    },

    /**
     * One lifecycle change in one transaction: the conditional UPDATE (null when the state is no
     * longer the expected one: another process won), the timeline rows with the next sequence
     * numbers, then `within` (the outbox rows of the change's events).
     */
    async commitChange(
      id: string,
      expected: ExpectedState,
      patch: Partial<ConversationRow>,
      timeline: NewMessage[],
      within: WithinChange,
    ): Promise<{ conversation: ConversationRow; messages: MessageRow[] } | null> {
      return db.transaction().execute(async (tx) => {
        if (expected.guard) await expected.guard(tx);
        const q = conditionalUpdate(tx, id, expected, patch, timeline.length);
        const conversation = await q.returningAll().executeTakeFirst();
        if (!conversation) return null;
        const messages = await insertMessages(tx, conversation, timeline);
        if (touchesIdentity(patch)) await refreshConversationProfile(tx, id);
        await within(tx, conversation, messages);
        return { conversation, messages };
      });
    },

    /**
     * Appends a message with the next per-conversation sequence number, in one transaction with
     * `within`. A repeated client message id returns the stored message instead of a second one.
     * `withinWrites: false` says `within` writes nothing: on PostgreSQL the message's one statement
     * (sequence number, row, index entry) then commits alone, without BEGIN and COMMIT (issue 25).
     */
    async appendMessage(
      message: NewMessage,
      conversationPatch: Partial<ConversationRow>,
      expectedStatus: ConversationRow['status'] | undefined,
      within: WithinChange,
      withinWrites = true,
    ): Promise<{ message: MessageRow; conversation: ConversationRow; duplicate: boolean } | null> {
      const append = (executor: Db) =>
        appendInTransaction(executor, message, conversationPatch, expectedStatus, within);
      const oneStatement = !withinWrites && !touchesIdentity(conversationPatch) && isPostgres(db);
      try {
        return await (oneStatement ? append(db) : messageCommits.run(append));
      } catch (error) {
        // A concurrent retry with the same client id won the unique index: answer with its message.
        const duplicate = await storedDuplicate(db, message);
        if (duplicate) return duplicate;
        throw error;
      }
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

    /** The last `limit` messages before `beforeSeq` (null: the latest), oldest first. */
    async messagesBefore(
      conversationId: string,
      beforeSeq: number | null,
      limit: number,
    ): Promise<MessageRow[]> {
      let query = db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId);
      if (beforeSeq !== null) query = query.where('seq', '<', beforeSeq);
      const newestFirst = await query.orderBy('seq', 'desc').limit(limit).execute();
      return newestFirst.reverse();
    },
  };
}
