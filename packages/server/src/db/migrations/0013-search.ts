import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Db } from '../database';
import { indexMessage } from '../../modules/search/message-index.store';
import { refreshConversationProfile } from '../../modules/search/profile-index.store';
import { reindexCrmRecord, type CrmSearchType } from '../../modules/search/crm-index.store';

// Prefix indexes make the last word's prefix match (search as you type) as cheap as a whole word.
const FTS5 = `tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'`;

/**
 * Full-text search (issue 15, item 4). SQLite: FTS5 tables whose tokenizer folds case and
 * accents. PostgreSQL: a `tsvector` over `charla_fold(text)` (lower case, accents removed with
 * the `unaccent` extension when it can be used, else a fixed Latin table) with a GIN index.
 * The rows of both are written by the stores in the transaction of each write; this migration
 * fills them for the rows that already exist.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('conversation_profiles')
    .addColumn('conversation_id', 'text', (c) =>
      c.primaryKey().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('display_name', 'text')
    .addColumn('display_email', 'text')
    .addColumn('display_phone', 'text')
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // The person's history finds their other conversations by email (modules/person-history).
  await db.schema
    .createIndex('conversation_profiles_email')
    .on('conversation_profiles')
    .column('display_email')
    .execute();
  await db.schema
    .createTable('crm_search_docs')
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('crm_search_docs_pk', ['entity_type', 'entity_id'])
    .execute();
  if (postgres) await createPostgresSearch(db);
  else await createSqliteSearch(db);
  await backfill(db as unknown as Db);
}

async function createSqliteSearch(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create virtual table search_messages using fts5(body, conversation_id unindexed, message_id unindexed, seq unindexed, ${FTS5})`,
    )
    .execute(db);
  await sql.raw(`create virtual table conversation_profiles_fts using fts5(doc, ${FTS5})`).execute(db);
  await sql.raw(`create virtual table crm_search_fts using fts5(doc, ${FTS5})`).execute(db);
}

/** The schema holding `unaccent` (installing it when allowed), or null to fold with a fixed table. */
async function unaccentSchema(db: Kysely<unknown>): Promise<string | null> {
  // Parallel migrations (one schema each in tests) must not race to create the extension.
  await sql`select pg_advisory_xact_lock(hashtext('charla_unaccent'))`.execute(db);
  const installed = sql<{ schema: string }>`select n.nspname as schema from pg_extension e
    join pg_namespace n on n.oid = e.extnamespace where e.extname = 'unaccent'`;
  const found = (await installed.execute(db)).rows[0];
  if (found) return found.schema;
  const { rows } = await sql<{ ok: boolean }>`select exists (select 1 from pg_available_extensions
      where name = 'unaccent') and ((select rolsuper from pg_roles where rolname = current_user)
      or (has_database_privilege(current_database(), 'CREATE') and has_schema_privilege('public', 'CREATE'))) as ok`.execute(
    db,
  );
  if (!rows[0]?.ok) return null;
  await sql`create extension if not exists unaccent schema public`.execute(db);
  return (await installed.execute(db)).rows[0]?.schema ?? null;
}

async function createPostgresSearch(db: Kysely<unknown>): Promise<void> {
  const schema = await unaccentSchema(db);
  const folded = schema
    ? `${schema}.unaccent('${schema}.unaccent'::regdictionary, $1)`
    : `translate($1, 'ÁÀÂÄÃÅáàâäãåÉÈÊËéèêëÍÌÎÏíìîïÓÒÔÖÕóòôöõÚÙÛÜúùûüÑñÇçÝýÿ', 'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuNnCcYyy')`;
  // Punctuation of emails, URLs and phone numbers separates words, as FTS5's tokenizer does.
  await sql
    .raw(
      `create function charla_fold(text) returns text language sql immutable strict parallel safe
       as $$ select regexp_replace(lower(${folded}), '[@._/:+-]+', ' ', 'g') $$`,
    )
    .execute(db);
  const tsv = (column: string) =>
    `tsv tsvector generated always as (to_tsvector('simple'::regconfig, charla_fold(${column}))) stored`;
  await sql
    .raw(
      `create table search_messages (message_id text primary key, conversation_id text not null
       references conversations(id) on delete cascade, seq integer not null, body text not null, ${tsv('body')})`,
    )
    .execute(db);
  await sql.raw(`create index search_messages_conversation on search_messages (conversation_id)`).execute(db);
  await sql.raw(`alter table conversation_profiles add column ${tsv('doc')}`).execute(db);
  await sql.raw(`alter table crm_search_docs add column ${tsv('doc')}`).execute(db);
  for (const table of ['search_messages', 'conversation_profiles', 'crm_search_docs'])
    await sql.raw(`create index ${table}_tsv on ${table} using gin (tsv)`).execute(db);
}

const CRM_TABLES: [CrmSearchType, string][] = [
  ['person', 'crm_persons'],
  ['organization', 'crm_organizations'],
  ['lead', 'crm_leads'],
  ['deal', 'crm_deals'],
  ['activity', 'crm_activities'],
  ['note', 'crm_notes'],
];

/** Indexes what existed before this migration, in pages (keyset on the primary key). */
async function backfill(db: Db): Promise<void> {
  for (let after = ''; ;) {
    const page = await db
      .selectFrom('messages')
      .select(['id', 'conversation_id', 'seq', 'body'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(1000)
      .execute();
    for (const m of page) await indexMessage(db, m);
    if (page.length < 1000) break;
    after = page.at(-1)?.id ?? after;
  }
  const conversations = await db.selectFrom('conversations').select('id').execute();
  for (const { id } of conversations) await refreshConversationProfile(db, id);
  for (const [type, table] of CRM_TABLES) {
    const rows = await db
      .selectFrom(table as 'crm_persons')
      .select('id')
      .execute();
    for (const { id } of rows) await reindexCrmRecord(db, type, id);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const table of ['search_messages', 'conversation_profiles_fts', 'crm_search_fts'])
    await sql.raw(`drop table if exists ${table}`).execute(db);
  await db.schema.dropTable('crm_search_docs').execute();
  await db.schema.dropTable('conversation_profiles').execute();
  if (postgres) await sql`drop function if exists charla_fold(text)`.execute(db);
}
