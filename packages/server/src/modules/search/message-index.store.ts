import { sql, type RawBuilder } from 'kysely';
import { toPlainText, ZRichText } from '@charla/protocol';
import { isPostgres, type Db } from '../../db/database';
import { fromJsonColumn } from '../../lib/json';

// The search stores ask it through this file; it lives with the database handle.
export { isPostgres };

/** The searchable text of a stored message body (rich text as JSON); '' for pure events. */
export function messageSearchText(body: string): string {
  let json: unknown = null;
  try {
    json = fromJsonColumn<unknown>(body, null);
  } catch {
    return '';
  }
  const parsed = ZRichText.safeParse(json);
  return parsed.success ? toPlainText(parsed.data) : '';
}

export type IndexedMessage = { id: string; conversation_id: string; seq: number; body: string };

/**
 * Adds one message to the full-text index. PostgreSQL calls it in the transaction that inserts the
 * message (`indexNewMessage`); SQLite from the queue's batches (message-indexer.store.ts).
 */
export async function indexMessage(db: Db, message: IndexedMessage): Promise<void> {
  const text = messageSearchText(message.body);
  if (text.trim() === '') return;
  if (isPostgres(db))
    await sql`insert into search_messages (message_id, conversation_id, seq, body)
      values (${message.id}, ${message.conversation_id}, ${message.seq}, ${text})
      on conflict (message_id) do nothing`.execute(db);
  else
    await sql`insert into search_messages (body, conversation_id, message_id, seq)
      values (${text}, ${message.conversation_id}, ${message.id}, ${message.seq})`.execute(db);
}

/**
 * The index entry of a message just inserted, in its transaction. PostgreSQL writes it now; on
 * SQLite migration 0032's trigger has queued the message and the indexer adds it in a batch
 * (issue 25: one FTS5 insert per transaction cost about 40 µs of each chat message), before any
 * search reads the index.
 */
export async function indexNewMessage(db: Db, message: IndexedMessage): Promise<void> {
  if (isPostgres(db)) await indexMessage(db, message);
}

/**
 * PostgreSQL (issue 25: round trips per message): a message's index entry as a statement for the
 * CTE that inserts the message (modules/conversations/message-insert.store.ts), reading its sequence
 * number from that statement's `changed` row. `text` is `messageSearchText` of its body;
 * `searchable` whether it holds anything but spaces (nothing is inserted otherwise). The values
 * may be a compiled query's slots: each goes in as a parameter.
 */
export function indexedMessageCte(entry: {
  id: unknown;
  conversationId: unknown;
  text: unknown;
  searchable: unknown;
}): RawBuilder<unknown> {
  // In parentheses: Kysely writes a raw CTE as it is, and PostgreSQL wants `name as (statement)`.
  return sql`(insert into search_messages (message_id, conversation_id, seq, body)
    select cast(${entry.id} as text), cast(${entry.conversationId} as text), changed.last_seq,
      cast(${entry.text} as text) from changed
    where ${entry.searchable} on conflict (message_id) do nothing)`;
}
