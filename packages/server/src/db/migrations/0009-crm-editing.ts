import type { Kysely } from 'kysely';

const VERSIONED = ['crm_persons', 'crm_organizations', 'crm_leads', 'crm_deals', 'crm_activities'];

/**
 * Editable CRM records (issue 15): a version per record so two people editing the same record
 * never silently overwrite each other, the fields the detail pages edit that had no column yet,
 * and one row per changed field in `crm_changes` (the record's change history).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of VERSIONED)
    await db.schema
      .alterTable(table)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  await db.schema.alterTable('crm_persons').addColumn('notes', 'text').execute();
  await db.schema
    .alterTable('crm_organizations')
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('crm_deals').addColumn('lost_reason', 'text').execute();
  await db.schema.alterTable('crm_activities').addColumn('note', 'text').execute();

  await db.schema
    .createTable('crm_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('from_value', 'text', (c) => c.notNull()) // JSON
    .addColumn('to_value', 'text', (c) => c.notNull()) // JSON
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('user_name', 'text') // as it was then: the history reads the same after a rename
    .addColumn('version', 'integer', (c) => c.notNull()) // the record's version this change produced
    .addColumn('changed_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('crm_changes_record')
    .on('crm_changes')
    .columns(['entity_type', 'entity_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('crm_changes').execute();
  await db.schema.alterTable('crm_activities').dropColumn('note').execute();
  await db.schema.alterTable('crm_deals').dropColumn('lost_reason').execute();
  await db.schema.alterTable('crm_organizations').dropColumn('owner_id').execute();
  await db.schema.alterTable('crm_persons').dropColumn('notes').execute();
  for (const table of VERSIONED) await db.schema.alterTable(table).dropColumn('version').execute();
}
