import type { Kysely } from 'kysely';

// Visitor satisfaction (issue 21): one rating per conversation, owned by modules/ratings.
// playbook_id and assignee_id are copied at rating time so reports filter without joins.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('conversation_ratings')
    .addColumn('conversation_id', 'text', (c) =>
      c.primaryKey().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('playbook_id', 'text')
    .addColumn('assignee_id', 'text')
    .addColumn('scale', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('conversation_ratings_created')
    .on('conversation_ratings')
    .column('created_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('conversation_ratings').execute();
}
