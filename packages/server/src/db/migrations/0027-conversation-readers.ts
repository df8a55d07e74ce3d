import type { Kysely } from 'kysely';

// Issue 16, private notes and @mentions (owned by modules/conversations): a user a private note
// mentioned may read that conversation even while it is assigned to someone else (R29). One row
// per conversation and user; the grant stays once given.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('conversation_readers')
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('granted_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversation_readers_pk', ['conversation_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('conversation_readers_user')
    .on('conversation_readers')
    .column('user_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('conversation_readers').execute();
}
