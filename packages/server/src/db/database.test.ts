import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_POSTGRES_URL, testDialect } from '../test/test-db';
import type { DatabaseHandle } from './database';
import { isMigrated, migrateToLatest } from './migrate';
import { migrations } from './migrations/index';

/** A database of this test run's dialect, open for the describe block around it. */
function openedDatabase(): () => DatabaseHandle {
  let test: Awaited<ReturnType<typeof createTestDatabase>>;
  let database: DatabaseHandle | undefined;
  beforeAll(async () => {
    test = await createTestDatabase();
    database = await test.open();
  });
  afterAll(async () => {
    await database?.close();
    await test?.drop();
  });
  return () => {
    if (!database) throw new Error('the database is not open yet');
    return database;
  };
}

/**
 * Issue 13: a loaded run lost a server process while the database went away. A connection
 * killed in the middle of a query emitted 'error' with nobody listening: an uncaught exception
 * that ends the process (vitest reports it as an unhandled error and fails the run).
 */
describe.runIf(testDialect === 'postgres')('a PostgreSQL connection killed mid-query', () => {
  const opened = openedDatabase();

  it('fails that transaction only; the process lives on and the next query works', async () => {
    const marker = `charla_kill_${Date.now()}`;
    let killed: () => void = () => undefined;
    const wasKilled = new Promise<void>((resolve) => (killed = resolve));
    // Killed between two statements of a transaction: the connection is checked out, no query runs.
    const transaction = opened()
      .db.transaction()
      .execute(async (trx) => {
        await sql.raw(`select 1 as ${marker}`).execute(trx);
        await wasKilled;
        await sql`select 2`.execute(trx);
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    try {
      for (let count = 0; count === 0;) {
        const res = await admin.query(
          `select pg_terminate_backend(pid) from pg_stat_activity where query like $1 and pid <> pg_backend_pid()`,
          [`%${marker}%`],
        );
        count = res.rowCount ?? 0;
        if (count === 0) await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await admin.end();
    }
    await new Promise((r) => setTimeout(r, 200)); // the connection's end reaches the client
    killed();
    expect(await transaction).toBeInstanceOf(Error);
    await opened().ping();
  });
});

describe('statements()', () => {
  const opened = openedDatabase();

  it('counts every statement sent, BEGIN and COMMIT included (on PostgreSQL: the round trips)', async () => {
    const before = opened().statements();
    await sql`select 1`.execute(opened().db);
    expect(opened().statements() - before).toBe(1);
    await opened()
      .db.transaction()
      .execute(async (trx) => {
        await sql`select 1`.execute(trx);
        await sql`select 2`.execute(trx);
      });
    expect(opened().statements() - before).toBe(5);
  });
});

// CI saw /readyz answer "not migrated" on PostgreSQL under load: Kysely's own check listed every
// schema's tables and columns (dozens of parallel test schemas) and missed the one-second bound.
describe('isMigrated()', () => {
  const opened = openedDatabase();

  it('is not true before any migration, then answers with one statement whether every migration ran', async () => {
    const { db } = opened();
    expect(await isMigrated(db).catch(() => 'rejected')).not.toBe(true);
    await migrateToLatest(db);
    const before = opened().statements();
    expect(await isMigrated(db)).toBe(true);
    expect(opened().statements() - before).toBe(1);

    const latest = Object.keys(migrations).at(-1) ?? '';
    await sql`delete from kysely_migration where name = ${latest}`.execute(db);
    expect(await isMigrated(db)).toBe(false);
  });
});

// Issue 25: a commit group's messages each dirtied a page of this index while it was led by the
// conversation; led by the time-ordered client id (`newClientMsgId`), they share its last page.
describe('the unique index on client message ids', () => {
  const opened = openedDatabase();

  it('is led by the client id, then the conversation', async () => {
    const { db, dialect } = opened();
    await migrateToLatest(db);
    const columns =
      dialect === 'sqlite'
        ? sql<{ list: string }>`select group_concat(name, ', ') as list
            from (select name from pragma_index_info('messages_client_id') order by seqno)`
        : sql<{ list: string }>`select substring(indexdef from '[(](.*)[)]') as list from pg_indexes
            where indexname = 'messages_client_id' and schemaname = current_schema()`;
    expect((await columns.execute(db)).rows).toEqual([{ list: 'client_msg_id, conversation_id' }]);
  });
});
