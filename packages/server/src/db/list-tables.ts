import { sql } from 'kysely';
import type { DatabaseHandle } from './database';

/**
 * The names of this database's own tables. On PostgreSQL only the current schema's: Kysely's
 * introspector reads every schema of the server, which races with other schemas being dropped.
 */
export async function listTables({ db, dialect }: Pick<DatabaseHandle, 'db' | 'dialect'>): Promise<string[]> {
  const listed =
    dialect === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table'
          and name not like 'sqlite_%'`.execute(db);
  return listed.rows.map((row) => row.name);
}
