import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';

const DEFAULT_STAGES = ['Qualified', 'Contact made', 'Proposal sent', 'Negotiation'];

/** CRM tables, and a default pipeline with its stages so deals have somewhere to go from day one. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('crm_organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_lc', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('crm_organizations_name_lc')
    .on('crm_organizations')
    .column('name_lc')
    .execute();

  await db.schema
    .createTable('crm_persons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('emails', 'text', (c) => c.notNull())
    .addColumn('phones', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.references('crm_organizations.id').onDelete('set null'))
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('crm_persons_organization')
    .on('crm_persons')
    .column('organization_id')
    .execute();

  await db.schema
    .createTable('crm_person_identities')
    .addColumn('person_id', 'text', (c) => c.notNull().references('crm_persons.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('crm_person_identities_pk', ['person_id', 'kind', 'value'])
    .execute();
  await db.schema
    .createIndex('crm_person_identities_value')
    .on('crm_person_identities')
    .columns(['kind', 'value'])
    .execute();

  await db.schema
    .createTable('crm_pipelines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('crm_stages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pipeline_id', 'text', (c) => c.notNull().references('crm_pipelines.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('crm_stages_pipeline')
    .on('crm_stages')
    .columns(['pipeline_id', 'position'])
    .execute();

  await db.schema
    .createTable('crm_leads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('crm_persons.id').onDelete('set null'))
    .addColumn('organization_id', 'text', (c) => c.references('crm_organizations.id').onDelete('set null'))
    .addColumn('value_minor', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('expected_close_date', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('labels', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('converted_deal_id', 'text') // no FK: deals reference leads; the store clears it on deal delete
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('crm_leads_status').on('crm_leads').columns(['status', 'id']).execute();

  await db.schema
    .createTable('crm_deals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('value_minor', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('expected_close_date', 'text')
    .addColumn('pipeline_id', 'text', (c) => c.notNull().references('crm_pipelines.id'))
    .addColumn('stage_id', 'text', (c) => c.notNull().references('crm_stages.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('crm_persons.id').onDelete('set null'))
    .addColumn('organization_id', 'text', (c) => c.references('crm_organizations.id').onDelete('set null'))
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text', (c) => c.references('crm_leads.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('crm_deals_stage')
    .on('crm_deals')
    .columns(['pipeline_id', 'stage_id'])
    .execute();

  await db.schema
    .createTable('crm_activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint')
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('assignee_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('person_id', 'text', (c) => c.references('crm_persons.id').onDelete('set null'))
    .addColumn('organization_id', 'text', (c) => c.references('crm_organizations.id').onDelete('set null'))
    .addColumn('lead_id', 'text', (c) => c.references('crm_leads.id').onDelete('set null'))
    .addColumn('deal_id', 'text', (c) => c.references('crm_deals.id').onDelete('set null'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('crm_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('person_id', 'text', (c) => c.references('crm_persons.id').onDelete('set null'))
    .addColumn('organization_id', 'text', (c) => c.references('crm_organizations.id').onDelete('set null'))
    .addColumn('lead_id', 'text', (c) => c.references('crm_leads.id').onDelete('set null'))
    .addColumn('deal_id', 'text', (c) => c.references('crm_deals.id').onDelete('set null'))
    .addColumn('conversation_id', 'text', (c) => c.references('conversations.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('crm_conversation_links')
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('crm_conversation_links_pk', ['conversation_id', 'entity_type', 'entity_id'])
    .execute();
  await db.schema
    .createIndex('crm_conversation_links_entity')
    .on('crm_conversation_links')
    .columns(['entity_type', 'entity_id'])
    .execute();

  await db.schema
    .createTable('crm_conversation_panels')
    .addColumn('conversation_id', 'text', (c) =>
      c.primaryKey().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('value_minor', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('expected_close_date', 'text')
    .addColumn('person_name', 'text')
    .addColumn('person_email', 'text')
    .addColumn('person_phone', 'text')
    .addColumn('organization_name', 'text')
    .addColumn('organization_address', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();

  await seedDefaultPipeline(db as Kysely<SeedTables>);
}

type SeedTables = {
  crm_pipelines: { id: string; name: string; is_default: number; created_at: number; updated_at: number };
  crm_stages: { id: string; pipeline_id: string; name: string; position: number; created_at: number };
};

async function seedDefaultPipeline(db: Kysely<SeedTables>): Promise<void> {
  const now = Date.now();
  const pipelineId = uuidv7();
  await db
    .insertInto('crm_pipelines')
    .values({ id: pipelineId, name: 'Sales', is_default: 1, created_at: now, updated_at: now })
    .execute();
  await db
    .insertInto('crm_stages')
    .values(
      DEFAULT_STAGES.map((name, position) => ({
        id: uuidv7(),
        pipeline_id: pipelineId,
        name,
        position,
        created_at: now,
      })),
    )
    .execute();
}
