import type { Kysely } from 'kysely';

/**
 * `conversation.created` is now recorded in the transaction that inserts the conversation, so the
 * outbox's per-conversation order puts it first by itself: the table that remembered which
 * conversations had been announced (0007) is no longer read or written.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('webhook_announced_conversations').ifExists().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webhook_announced_conversations')
    .addColumn('conversation_id', 'text', (c) => c.primaryKey())
    .addColumn('announced_at', 'bigint', (c) => c.notNull())
    .execute();
}
