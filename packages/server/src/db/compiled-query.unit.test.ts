import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compiledQuery } from './compiled-query';
import { openDatabase, type DatabaseHandle } from './database';

// A real SQLite database in memory, opened as the server opens it.
let handle: DatabaseHandle;

beforeEach(async () => {
  handle = await openDatabase('sqlite::memory:');
  await sql`create table notes (id text primary key, body text not null, pinned integer not null)`.execute(
    handle.db,
  );
});

afterEach(async () => {
  await handle.close();
});

const insertNote = compiledQuery((db, s: { id: string; body: string }) =>
  db.insertInto('notes' as never).values({ id: s.id, body: s.body, pinned: 0 } as never),
);

const noteById = compiledQuery((db, s: { id: string }) =>
  db
    .selectFrom('notes' as never)
    .select(['id', 'body', 'pinned'] as never[])
    .where('id' as never, '=', s.id as never),
);

/** Sets the columns the values name, besides the id: one SQL text per set of columns. */
let updateBuilds = 0;
const updateNote = compiledQuery(
  (db, s: Record<string, unknown>, values) => {
    updateBuilds += 1;
    return db
      .updateTable('notes' as never)
      .set(
        Object.fromEntries(
          Object.keys(values)
            .filter((k) => k !== 'id')
            .map((k) => [k, s[k]]),
        ) as never,
      )
      .where('id' as never, '=', s.id as never);
  },
  (values) => Object.keys(values).join(','),
);

describe('compiledQuery', () => {
  it('runs the SQL it compiled once with each call’s values', async () => {
    await insertNote(handle.db, { id: 'a', body: 'first' });
    await insertNote(handle.db, { id: 'b', body: 'second' });
    expect(await noteById(handle.db, { id: 'b' })).toEqual([{ id: 'b', body: 'second', pinned: 0 }]);
    expect(await noteById(handle.db, { id: 'a' })).toEqual([{ id: 'a', body: 'first', pinned: 0 }]);
    expect(await noteById(handle.db, { id: 'missing' })).toEqual([]);
  });

  it('keeps a literal the builder wrote, and compiles each shape once', async () => {
    updateBuilds = 0;
    await insertNote(handle.db, { id: 'a', body: 'first' });
    await updateNote(handle.db, { id: 'a', body: 'changed' });
    expect(await noteById(handle.db, { id: 'a' })).toEqual([{ id: 'a', body: 'changed', pinned: 0 }]);
    await updateNote(handle.db, { id: 'a', pinned: 1 });
    await updateNote(handle.db, { id: 'a', body: 'again', pinned: 0 });
    expect(await noteById(handle.db, { id: 'a' })).toEqual([{ id: 'a', body: 'again', pinned: 0 }]);
    await updateNote(handle.db, { id: 'a', body: 'once more' });
    await updateNote(handle.db, { id: 'a', pinned: 1 });
    // Three shapes (body; pinned; body and pinned), five calls: built three times.
    expect(updateBuilds).toBe(3);
    expect(await noteById(handle.db, { id: 'a' })).toEqual([{ id: 'a', body: 'once more', pinned: 1 }]);
  });

  it('runs inside a transaction with its connection', async () => {
    await handle.db.transaction().execute(async (tx) => {
      await insertNote(tx, { id: 'in-tx', body: 'inside' });
      expect(await noteById(tx, { id: 'in-tx' })).toHaveLength(1);
    });
    expect(await noteById(handle.db, { id: 'in-tx' })).toHaveLength(1);
  });

  it('on SQLite goes around Kysely’s executor and still waits its turn: a read outside a transaction sees only what was committed (issue 25)', async () => {
    await insertNote(handle.db, { id: 'a', body: 'before' });
    const tx = await handle.db.startTransaction().execute();
    await updateNote(tx, { id: 'a', body: 'uncommitted' });
    const outside = noteById(handle.db, { id: 'a' });
    // Inside, the transaction sees its own write at once; outside, the read waits for the connection.
    expect(await noteById(tx, { id: 'a' })).toEqual([{ id: 'a', body: 'uncommitted', pinned: 0 }]);
    await tx.rollback().execute();
    expect(await outside).toEqual([{ id: 'a', body: 'before', pinned: 0 }]);
  });

  it('on SQLite counts the statements it runs, and a failing one leaves the connection free', async () => {
    const before = handle.statements();
    await insertNote(handle.db, { id: 'a', body: 'first' });
    await noteById(handle.db, { id: 'a' });
    expect(handle.statements() - before).toBe(2);
    await expect(insertNote(handle.db, { id: 'a', body: 'twice' })).rejects.toThrow(/UNIQUE/);
    expect(await noteById(handle.db, { id: 'a' })).toEqual([{ id: 'a', body: 'first', pinned: 0 }]);
    await handle.db.transaction().execute(async (tx) => {
      await updateNote(tx, { id: 'a', pinned: 1 });
    });
    expect(await noteById(handle.db, { id: 'a' })).toEqual([{ id: 'a', body: 'first', pinned: 1 }]);
  });
});
