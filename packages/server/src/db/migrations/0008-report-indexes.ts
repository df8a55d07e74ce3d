import type { Kysely } from 'kysely';

// Reports (issue 21) select conversations by the time they started; without this index every
// report scans the whole table.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('conversations_created').on('conversations').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('conversations_created').execute();
}
