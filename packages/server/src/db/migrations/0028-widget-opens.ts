import type { Kysely } from 'kysely';

// Issue 21, the funnel's first stage (owned by modules/reports): visitors who opened the widget.
// One row per visitor, playbook and UTC day (the primary key de-duplicates reloads and toggles);
// `opened_at` is the first open's instant, so reports bucket it into the viewer's local days at
// query time like every other figure. Rows go with their visitor or playbook (ON DELETE CASCADE).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('widget_opens')
    .addColumn('visitor_id', 'text', (c) => c.notNull().references('visitors.id').onDelete('cascade'))
    .addColumn('playbook_id', 'text', (c) => c.notNull().references('playbooks.id').onDelete('cascade'))
    .addColumn('utc_day', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('widget_opens_pk', ['visitor_id', 'playbook_id', 'utc_day'])
    .execute();
  await db.schema
    .createIndex('widget_opens_playbook_time')
    .on('widget_opens')
    .columns(['playbook_id', 'opened_at'])
    .execute();
  await db.schema.createIndex('widget_opens_time').on('widget_opens').column('opened_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('widget_opens').execute();
}
