import type { Kysely } from 'kysely';

// Issue 24, signed visitor identity (owned by modules/identity): the verified userId a visitor is
// bound to (one visitor per userId, so every device of that user shares one history). The
// identity's name, email and attributes live in the visitor's context JSON; the secrets in settings.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('visitors').addColumn('verified_user_id', 'text').execute();
  await db.schema
    .createIndex('visitors_verified_user_id')
    .on('visitors')
    .column('verified_user_id')
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('visitors_verified_user_id').execute();
  await db.schema.alterTable('visitors').dropColumn('verified_user_id').execute();
}
