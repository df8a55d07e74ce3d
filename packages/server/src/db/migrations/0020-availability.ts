import type { Kysely } from 'kysely';

// Issue 19, availability and routing (owned by modules/availability): business hours (the
// company's and per-playbook overrides), teams, per-user capacity, and on each conversation the
// team it was routed to, its card's routing and the ownership watchdog's deadline.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('business_hours')
    .addColumn('scope', 'text', (c) => c.primaryKey()) // 'company' or a playbook id
    .addColumn('hours', 'text', (c) => c.notNull()) // JSON: TBusinessHours
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull().unique()) // lowercased name
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('team_members')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'user_id'])
    .execute();
  await db.schema.createIndex('team_members_user').on('team_members').column('user_id').execute();
  // One row per user who has a capacity or was picked: the row automatic assignment locks.
  await db.schema
    .createTable('user_routing')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('capacity', 'integer')
    .addColumn('last_routed_at', 'bigint')
    .execute();
  await db.schema.alterTable('conversations').addColumn('team_id', 'text').execute();
  await db.schema.alterTable('conversations').addColumn('routing', 'text').execute(); // JSON
  await db.schema.alterTable('conversations').addColumn('watchdog_deadline', 'bigint').execute();
  await db.schema
    .createIndex('conversations_watchdog')
    .on('conversations')
    .columns(['status', 'watchdog_deadline'])
    .execute();
  await db.schema
    .createIndex('conversations_team')
    .on('conversations')
    .columns(['status', 'team_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('conversations_team').execute();
  await db.schema.dropIndex('conversations_watchdog').execute();
  await db.schema.alterTable('conversations').dropColumn('watchdog_deadline').execute();
  await db.schema.alterTable('conversations').dropColumn('routing').execute();
  await db.schema.alterTable('conversations').dropColumn('team_id').execute();
  await db.schema.dropTable('user_routing').execute();
  await db.schema.dropTable('team_members').execute();
  await db.schema.dropTable('teams').execute();
  await db.schema.dropTable('business_hours').execute();
}
