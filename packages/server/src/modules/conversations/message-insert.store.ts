import { sql, type UpdateQueryBuilder, type UpdateResult } from 'kysely';
import { compiledQuery } from '../../db/compiled-query';
import { isPostgres, type Db } from '../../db/database';
import type { ConversationsTable, Database, MessagesTable } from '../../db/schema';
import { indexedMessageCte, messageSearchText } from '../search/index';

type ConversationRow = ConversationsTable;
type MessageRow = MessagesTable;
type NewMessage = Omit<MessageRow, 'seq'>;
type ConversationUpdate = UpdateQueryBuilder<Database, 'conversations', 'conversations', UpdateResult>;

/**
 * The UPDATE that reserves a message's sequence number and applies its patch. The state the
 * caller checked must still hold when the message lands (another process may have closed the
 * conversation meanwhile): no row tells it to look again.
 */
function seqReservation(
  db: Db,
  patch: Partial<ConversationRow>,
  id: string,
  expectedStatus: ConversationRow['status'] | undefined,
): ConversationUpdate {
  const update = db
    .updateTable('conversations')
    .set((eb) => ({ ...patch, last_seq: eb('last_seq', '+', 1) }))
    .where('id', '=', id);
  return expectedStatus ? update.where('status', '=', expectedStatus) : update;
}

/**
 * The values of a compiled message statement: the conversation columns its patch sets, by name,
 * and the rest under names that start with `$` (no column does): the conversation id, the
 * expected status, the message's columns and its search entry.
 */
type Values = Record<string, unknown>;
const ID = '$id';
const STATUS = '$status';
const SEARCH_TEXT = '$search_text';
const SEARCHABLE = '$searchable';
const messageKey = (column: keyof MessageRow) => `$m.${column}`;

/** `seqReservation` with its values in the slots; which columns it sets and whether it checks the status come from `values`. */
function reservationIn(db: Db, slots: Values, values: Values): ConversationUpdate {
  const columns = Object.keys(values).filter((key) => !key.startsWith('$'));
  const patch = Object.fromEntries(columns.map((c) => [c, slots[c]])) as Partial<ConversationRow>;
  const status = STATUS in values ? (slots[STATUS] as ConversationRow['status']) : undefined;
  return seqReservation(db, patch, slots[ID] as string, status);
}

/** A compiled statement's shape: the set of names it was given values for. */
const keysOf = (values: Values) => Object.keys(values).join();

/** SQLite: `seqReservation` compiled once per set of patched columns (issue 25). */
const reserveSeq = compiledQuery(
  (db, slots: Values, values) => reservationIn(db, slots, values).returningAll(),
  keysOf,
);

/** SQLite: one message's INSERT, compiled once (the full-text index follows by its trigger). */
const insertMessage = compiledQuery((db, slots: MessageRow) =>
  db.insertInto('messages').values({
    id: slots.id,
    conversation_id: slots.conversation_id,
    seq: slots.seq,
    author_kind: slots.author_kind,
    author_id: slots.author_id,
    author_name: slots.author_name,
    author_avatar_url: slots.author_avatar_url,
    client_msg_id: slots.client_msg_id,
    body: slots.body,
    meta: slots.meta,
    created_at: slots.created_at,
  }),
);

const MESSAGE_TEXT_COLUMNS = [
  'id',
  'conversation_id',
  'author_kind',
  'author_id',
  'author_name',
  'author_avatar_url',
  'client_msg_id',
  'body',
  'meta',
] as const;

/**
 * PostgreSQL (issue 25): one statement assigns the sequence number, inserts the message and its
 * search index entry, so a message costs two round trips less. The UPDATE's row feeds both INSERTs
 * through CTEs; no row (the state moved on) inserts nothing. Compiled once per set of patched
 * columns, and prepared once per connection (db/prepared-statements.ts).
 */
const reserveAndInsert = compiledQuery((db, slots: Values, values) => {
  const column = (name: (typeof MESSAGE_TEXT_COLUMNS)[number]) =>
    sql<string>`cast(${slots[messageKey(name)]} as text)`.as(name);
  return (
    db
      .with('changed', () => reservationIn(db, slots, values).returningAll())
      // The index entry's CTE is plain SQL from the search module, which owns its table (Kysely
      // compiles any expression there; its types list only its own builders, hence the cast).
      .with(
        'indexed',
        () =>
          indexedMessageCte({
            id: slots[messageKey('id')],
            conversationId: slots[ID],
            text: slots[SEARCH_TEXT],
            searchable: slots[SEARCHABLE],
          }) as never,
      )
      .with('inserted', (cte) =>
        cte
          .insertInto('messages')
          .columns([...MESSAGE_TEXT_COLUMNS, 'created_at', 'seq'])
          .expression(
            cte
              .selectFrom('changed')
              .select([
                ...MESSAGE_TEXT_COLUMNS.map(column),
                sql<number>`cast(${slots[messageKey('created_at')]} as bigint)`.as('created_at'),
                sql<number>`${sql.ref('changed.last_seq')}`.as('seq'),
              ]),
          ),
      )
      .selectFrom('changed')
      .selectAll()
  );
}, keysOf);

/**
 * Stores one chat message: reserves its sequence number (applying the conversation's patch, and
 * only while the conversation still has `expectedStatus`), inserts it and its search entry. Null
 * when the conversation is gone or its status moved on. SQLite runs two compiled statements (its
 * index entry is queued by a trigger); PostgreSQL one.
 */
export async function insertChatMessage(
  tx: Db,
  message: NewMessage,
  conversationPatch: Partial<ConversationRow>,
  expectedStatus: ConversationRow['status'] | undefined,
): Promise<{ conversation: ConversationRow; row: MessageRow } | null> {
  // Kysely leaves out a column set to undefined: so does the reservation.
  const values: Values = Object.fromEntries(
    Object.entries(conversationPatch).filter(([, value]) => value !== undefined),
  );
  values[ID] = message.conversation_id;
  if (expectedStatus) values[STATUS] = expectedStatus;
  if (isPostgres(tx)) {
    for (const name of [...MESSAGE_TEXT_COLUMNS, 'created_at'] as const)
      values[messageKey(name)] = message[name];
    const text = messageSearchText(message.body);
    values[SEARCH_TEXT] = text;
    values[SEARCHABLE] = text.trim() !== '';
    const [conversation] = await reserveAndInsert(tx, values);
    return conversation ? { conversation, row: { ...message, seq: conversation.last_seq } } : null;
  }
  const [conversation] = await reserveSeq(tx, values);
  if (!conversation) return null;
  const row: MessageRow = { ...message, seq: conversation.last_seq };
  await insertMessage(tx, row);
  return { conversation, row };
}
