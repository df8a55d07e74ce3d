import type { Kysely } from 'kysely';

// Issue 20, email notifications (owned by modules/mail): one pending "unanswered chats" digest
// per user, scheduled when a notification reached none of their devices.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mail_digests')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('claimed_until', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('mail_digests').execute();
}
