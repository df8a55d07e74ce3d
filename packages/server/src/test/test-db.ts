import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../db/database';

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Which database the integration suite runs on: CHARLA_TEST_DB=sqlite (default) or postgres. */
export const testDialect: 'sqlite' | 'postgres' =
  process.env.CHARLA_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

export type TestDatabase = {
  url: string;
  schema: string | null;
  open(): Promise<DatabaseHandle>;
  drop(): Promise<void>;
};

/** A fresh, isolated database: a temp SQLite file, or a new PostgreSQL schema. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const suffix = randomBytes(6).toString('hex');
  if (testDialect === 'sqlite') {
    const file = join(tmpdir(), `charla-test-${suffix}.db`);
    return {
      url: `sqlite:${file}`,
      schema: null,
      open: () => openDatabase(`sqlite:${file}`),
      drop: async () => {
        for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
      },
    };
  }
  const schema = `t_${suffix}`;
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  return {
    url: TEST_POSTGRES_URL,
    schema,
    open: () => openDatabase(TEST_POSTGRES_URL, { schema, poolSize: 5 }),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}
