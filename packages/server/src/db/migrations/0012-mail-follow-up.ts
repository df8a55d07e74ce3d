import type { Kysely } from 'kysely';

// Issue 20, follow-up by email (owned by modules/mail).
// mail_outbox.reply_to: the signed reply address of a follow-up mail.
// mail_follow_ups: one pending "email the visitor what they have not read" per conversation.
// visitor_link_tokens: extra tokens of a visitor, issued when they open a follow-up link (SHA-256 only).
// conversation_links: a conversation started by a reply after the old one closed (R20), and its origin.
// mail_inbound: inbound mails already taken, by the hash of their Message-ID (providers retry).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('mail_outbox').addColumn('reply_to', 'text').execute();
  await db.schema
    .createTable('mail_follow_ups')
    .addColumn('conversation_id', 'text', (c) =>
      c.primaryKey().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('claimed_until', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mail_follow_ups_due').on('mail_follow_ups').column('due_at').execute();
  await db.schema
    .createTable('visitor_link_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('visitor_id', 'text', (c) => c.notNull().references('visitors.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('conversation_links')
    .addColumn('conversation_id', 'text', (c) =>
      c.primaryKey().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('linked_to', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('mail_inbound')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('mail_inbound').execute();
  await db.schema.dropTable('conversation_links').execute();
  await db.schema.dropTable('visitor_link_tokens').execute();
  await db.schema.dropTable('mail_follow_ups').execute();
  await db.schema.alterTable('mail_outbox').dropColumn('reply_to').execute();
}
