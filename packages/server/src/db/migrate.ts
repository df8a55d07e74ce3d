import { DEFAULT_MIGRATION_TABLE, Migrator, PostgresAdapter, sql, type MigrationProvider } from 'kysely';
import type { Db } from './database';
import { migrations } from './migrations/index';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * On PostgreSQL the migration tables are pinned to the connection's current schema: without it
 * Kysely looks for them in every schema, and a parallel test (another schema) that has them makes
 * a fresh schema skip creating its own ("relation kysely_migration_lock does not exist").
 */
async function createMigrator(db: Db): Promise<Migrator> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return new Migrator({ db, provider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return new Migrator({ db, provider, ...(rows[0]?.schema ? { migrationTableSchema: rows[0].schema } : {}) });
}

/**
 * Kysely's introspector lists the columns of every schema's tables before any migration runs. Other
 * database users (parallel test files, each in its own schema) may drop a schema, a table or a
 * column meanwhile, and the listing fails with one of these codes. Nothing was applied then, so
 * trying again is safe.
 */
const CATALOG_CHANGED_MEANWHILE = new Set([
  '3F000', // invalid_schema_name: a schema was dropped
  '42P01', // undefined_table: a table was dropped or renamed
  '42703', // undefined_column: a column was dropped or renamed (seen in pg_get_serial_sequence)
]);

export function isCatalogChangedMeanwhile(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CATALOG_CHANGED_MEANWHILE.has(code);
}

const LISTING_ATTEMPTS = 5;

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const migrator = await createMigrator(db);
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return;
    const failed = results?.find((r) => r.status === 'Error');
    if (attempt < LISTING_ATTEMPTS && !failed && isCatalogChangedMeanwhile(error)) {
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      continue;
    }
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed`, { cause: error });
  }
}

/**
 * True when no migration is pending (used by /readyz, which load balancers poll). One statement on
 * the migration table of the connection's own schema: Kysely's `getMigrations` first lists the
 * tables and columns of every schema, which on a shared PostgreSQL (parallel test files, each in its
 * own schema) took over /readyz's one-second bound under load or failed while another schema was
 * dropped. A missing table (nothing migrated yet) rejects, and the caller reads that as not ready.
 */
export async function isMigrated(db: Db): Promise<boolean> {
  const { rows } = await sql<{
    name: string;
  }>`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)}`.execute(db);
  const applied = new Set(rows.map((row) => row.name));
  return Object.keys(migrations).every((name) => applied.has(name));
}
