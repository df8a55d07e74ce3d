import type { Kysely } from 'kysely';

/** The seeded stages as 0002 created them, with their win probability and seed key. */
const SEEDED = [
  { name: 'Qualified', key: 'qualified', probability: 10 },
  { name: 'Contact made', key: 'contact_made', probability: 25 },
  { name: 'Proposal sent', key: 'proposal_sent', probability: 50 },
  { name: 'Negotiation', key: 'negotiation', probability: 75 },
];

type Tables = {
  crm_pipelines: { id: string; name: string; is_default: number; seed_key: string | null };
  crm_stages: {
    id: string;
    pipeline_id: string;
    name: string;
    probability: number;
    seed_key: string | null;
  };
};

/**
 * Pipelines are the company's (issue 15): each stage has a win probability (0–100, for the
 * board's weighted value), and the seeded pipeline and stages remember their seed key until
 * someone renames them, so they can follow the company's language.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('crm_stages')
    .addColumn('probability', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('crm_stages').addColumn('seed_key', 'text').execute();
  await db.schema.alterTable('crm_pipelines').addColumn('seed_key', 'text').execute();
  const typed = db as Kysely<Tables>;
  const seeded = await typed
    .selectFrom('crm_pipelines')
    .select('id')
    .where('name', '=', 'Sales')
    .where('is_default', '=', 1)
    .orderBy('id')
    .executeTakeFirst();
  if (!seeded) return;
  await typed.updateTable('crm_pipelines').set({ seed_key: 'sales' }).where('id', '=', seeded.id).execute();
  for (const stage of SEEDED)
    await typed
      .updateTable('crm_stages')
      .set({ seed_key: stage.key, probability: stage.probability })
      .where('pipeline_id', '=', seeded.id)
      .where('name', '=', stage.name)
      .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('crm_pipelines').dropColumn('seed_key').execute();
  await db.schema.alterTable('crm_stages').dropColumn('seed_key').execute();
  await db.schema.alterTable('crm_stages').dropColumn('probability').execute();
}
