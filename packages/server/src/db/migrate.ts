import { Migrator, PostgresAdapter, sql, type MigrationProvider } from 'kysely';
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
 * Kysely's introspector lists the tables of every schema; a schema dropped meanwhile by another
 * database user (parallel test files each use their own) fails that listing with 3F000 before any
 * migration ran. Nothing was applied then, so trying again is safe.
 */
function isVanishedSchema(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '3F000';
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const migrator = await createMigrator(db);
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return;
    const failed = results?.find((r) => r.status === 'Error');
    if (attempt < 3 && !failed && isVanishedSchema(error)) continue;
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed`, { cause: error });
  }
}

/** True when no migration is pending (used by /readyz). */
export async function isMigrated(db: Db): Promise<boolean> {
  const migrator = await createMigrator(db);
  const all = await migrator.getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
