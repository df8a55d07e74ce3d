import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_POSTGRES_URL, testDialect } from '../test/test-db';
import { compiledQuery } from './compiled-query';
import { openDatabase, type DatabaseHandle } from './database';

const schema = `t_prep_${randomBytes(6).toString('hex')}`;

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const insertNote = compiledQuery((db, s: { id: string; body: string }) =>
  db.insertInto('notes' as never).values({ id: s.id, body: s.body } as never),
);

const noteById = compiledQuery((db, s: { id: string }) =>
  db
    .selectFrom('notes' as never)
    .select(['id', 'body'] as never[])
    .where('id' as never, '=', s.id as never),
);

const wholeNote = compiledQuery((db, s: { id: string }) =>
  db
    .selectFrom('notes' as never)
    .selectAll()
    .where('id' as never, '=', s.id as never),
);

/**
 * Issue 25: the statements every chat message runs are PostgreSQL prepared statements, parsed and
 * planned once per connection. One connection in the pool, so the session asked is the one that ran them.
 */
describe.runIf(testDialect === 'postgres')('compiled queries on PostgreSQL', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    await admin(`create schema ${schema}`);
    handle = await openDatabase(TEST_POSTGRES_URL, { schema, poolSize: 1 });
    await sql`create table notes (id text primary key, body text not null)`.execute(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
    await admin(`drop schema if exists ${schema} cascade`);
  });

  const prepared = async () =>
    (
      await sql<{
        name: string;
        statement: string;
      }>`select name, statement from pg_prepared_statements`.execute(handle.db)
    ).rows;

  it('run as named prepared statements, once per connection, with each call’s values', async () => {
    await insertNote(handle.db, { id: 'a', body: 'first' });
    await insertNote(handle.db, { id: 'b', body: 'second' });
    expect(await noteById(handle.db, { id: 'b' })).toEqual([{ id: 'b', body: 'second' }]);
    expect(await noteById(handle.db, { id: 'a' })).toEqual([{ id: 'a', body: 'first' }]);
    expect(await noteById(handle.db, { id: 'missing' })).toEqual([]);

    const statements = await prepared();
    const texts = statements.map((s) => s.statement);
    expect(texts.filter((t) => t.startsWith('insert into "notes"'))).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith('select "id", "body" from "notes"'))).toHaveLength(1);
    expect(statements.every((s) => /^charla_\d+$/.test(s.name))).toBe(true);
  });

  it('leaves other statements unnamed: a connection would keep every text it was sent', async () => {
    await sql`select body from notes where id = ${'a'}`.execute(handle.db);
    await handle.db
      .selectFrom('notes' as never)
      .select('body' as never)
      .where('id' as never, 'in', ['a', 'b'] as never)
      .execute();
    expect((await prepared()).map((s) => s.statement).filter((t) => t.includes('body from'))).toEqual([]);
  });

  it('answers a failed prepared statement with its error, and runs it again afterwards', async () => {
    await expect(insertNote(handle.db, { id: 'a', body: 'again' })).rejects.toThrow(/duplicate key/);
    await insertNote(handle.db, { id: 'c', body: 'third' });
    expect(await noteById(handle.db, { id: 'c' })).toEqual([{ id: 'c', body: 'third' }]);
  });

  it('prepares again when another process changed the table (a migration during a rolling upgrade)', async () => {
    expect(await wholeNote(handle.db, { id: 'b' })).toEqual([{ id: 'b', body: 'second' }]);
    await admin(`alter table ${schema}.notes add column pinned integer not null default 0`);
    // Outside a transaction the query is sent again, prepared anew.
    expect(await wholeNote(handle.db, { id: 'b' })).toEqual([{ id: 'b', body: 'second', pinned: 0 }]);
    await admin(`alter table ${schema}.notes add column color text`);
    // Inside one, the refusal has aborted it: that transaction fails, the next one works.
    await expect(handle.db.transaction().execute((tx) => wholeNote(tx, { id: 'b' }))).rejects.toThrow(
      /cached plan must not change result type/,
    );
    const again = await handle.db.transaction().execute((tx) => wholeNote(tx, { id: 'b' }));
    expect(again).toEqual([{ id: 'b', body: 'second', pinned: 0, color: null }]);
  });
});
