import SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../../packages/server/src/db/schema';

// Copies the seeded SQLite tables into a migrated PostgreSQL schema in multi-row inserts, so both
// databases hold exactly the same rows (the PostgreSQL parameter limit is 65,535 per statement).
const TABLES = [
  'users',
  'visitors',
  'playbooks',
  'conversations',
  'messages',
  'conversation_ratings',
] as const;
const ROWS_PER_INSERT = 2000;

export async function copyToPostgres(file: string, db: Kysely<Database>): Promise<void> {
  const source = new SQLite(file, { readonly: true });
  for (const table of TABLES) {
    const rows = source.prepare(`select * from ${table}`).iterate() as Iterable<Record<string, unknown>>;
    let batch: Record<string, unknown>[] = [];
    const flush = async () => {
      if (batch.length)
        await db
          .insertInto(table)
          .values(batch as never)
          .execute();
      batch = [];
    };
    for (const row of rows) {
      batch.push(row);
      if (batch.length >= ROWS_PER_INSERT) await flush();
    }
    await flush();
  }
  source.close();
}
