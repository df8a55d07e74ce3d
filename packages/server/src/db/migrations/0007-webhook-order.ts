import { sql, type Kysely } from 'kysely';

/**
 * Webhook deliveries of one conversation go out in the order they were written: `order_key`
 * (the conversation id; null for events about no conversation) lets the outbox hold a row back
 * while an earlier row with the same key is still pending for the same endpoint.
 * `webhook_announced_conversations` records which conversations already had their
 * `conversation.created`, so it is sent once, before anything else about the conversation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('webhook_deliveries').addColumn('order_key', 'text').execute();
  await db.schema
    .createIndex('webhook_deliveries_order')
    .on('webhook_deliveries')
    .columns(['endpoint_id', 'order_key', 'status', 'created_at'])
    .execute();
  await db.schema
    .createTable('webhook_announced_conversations')
    .addColumn('conversation_id', 'text', (c) => c.primaryKey())
    .addColumn('announced_at', 'bigint', (c) => c.notNull())
    .execute();
  // Conversations that exist already were announced (or predate webhooks): never announce them late.
  await sql`insert into webhook_announced_conversations (conversation_id, announced_at)
            select id, created_at from conversations`.execute(db);
}
