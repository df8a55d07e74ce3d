import type { Kysely } from 'kysely';

// Issue 22. audit_log: who did what and when, for privacy actions (export, delete) and retention
// settings (owned by modules/privacy). Subjects are named by id only: the log outlives them and
// must not keep the personal data it records the deletion of.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
  // Retention: closed conversations by age.
  await db.schema
    .createIndex('conversations_closed_at')
    .on('conversations')
    .columns(['status', 'closed_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('conversations_closed_at').execute();
  await db.schema.dropTable('audit_log').execute();
}
