import type { Kysely } from 'kysely';

// A deleted playbook that conversations still reference is kept (hidden) so their history,
// pinned to its revision snapshots, stays readable.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('playbooks').addColumn('deleted_at', 'bigint').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('playbooks').dropColumn('deleted_at').execute();
}
