import type { Kysely } from 'kysely';

// Reports (issue 21) read one precomputed row per conversation instead of its timeline, so a year
// of 100,000 conversations and 2,000,000 messages answers in milliseconds. The rows are derived
// from `conversations` + `messages` by modules/reports (report-facts.ts) and caught up from
// `conversations.updated_at` (indexed here) before each report and by a background job.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_facts')
    .addColumn('conversation_id', 'text', (c) =>
      c.primaryKey().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('playbook_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('close_reason', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('requested_at', 'bigint')
    .addColumn('bot_only', 'integer', (c) => c.notNull())
    .addColumn('requested', 'integer', (c) => c.notNull())
    .addColumn('reached', 'integer', (c) => c.notNull())
    .addColumn('assigned', 'integer', (c) => c.notNull())
    .addColumn('missed', 'integer', (c) => c.notNull())
    .addColumn('offline', 'integer', (c) => c.notNull())
    .addColumn('closed', 'integer', (c) => c.notNull())
    .addColumn('assign_ms', 'bigint')
    .addColumn('response_ms', 'bigint')
    .addColumn('resolution_ms', 'bigint')
    .addColumn('first_assignee_id', 'text')
    .addColumn('first_responder_id', 'text')
    .addColumn('last_assignee_id', 'text')
    .addColumn('source_updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // Covering index: volume, heatmap and funnel sums read only the index, never the table.
  await db.schema
    .createIndex('report_facts_created')
    .on('report_facts')
    .columns([
      'created_at',
      'playbook_id',
      'bot_only',
      'requested',
      'reached',
      'assigned',
      'missed',
      'offline',
      'closed',
      'requested_at',
    ])
    .execute();
  await db.schema.createIndex('report_facts_source').on('report_facts').column('source_updated_at').execute();
  // Everyone a conversation was ever assigned to ("the conversations they had").
  await db.schema
    .createTable('report_fact_users')
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_fact_users_pk', ['conversation_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('report_fact_users_user')
    .on('report_fact_users')
    .columns(['user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('conversations_updated')
    .on('conversations')
    .columns(['updated_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('conversations_updated').execute();
  await db.schema.dropTable('report_fact_users').execute();
  await db.schema.dropTable('report_facts').execute();
}
