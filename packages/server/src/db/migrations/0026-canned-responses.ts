import type { Kysely } from 'kysely';

// Issue 16 item 1, canned responses (owned by modules/canned-responses). `scope_key` is 'team'
// or the owner's user id, so one unique index keeps shortcuts unique per scope in both
// dialects (a NULL owner would not be unique in either).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('canned_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull()) // 'personal' | 'team'
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('scope_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('shortcut', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull()) // Markdown, as the composer sends it (R7)
    .addColumn('usage_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('canned_responses_shortcut')
    .on('canned_responses')
    .columns(['scope_key', 'shortcut'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('canned_responses_shortcut').execute();
  await db.schema.dropTable('canned_responses').execute();
}
