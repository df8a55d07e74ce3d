import { createHook } from 'node:async_hooks';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { FairLock, FairSqliteDialect, directSqliteOf } from './sqlite-dialect';

describe('FairLock', () => {
  it('hands the lock to one waiter at a time, in the order they asked', async () => {
    const lock = new FairLock();
    const order: number[] = [];
    await lock.lock();
    const waiters = [1, 2, 3].map((n) => lock.lock().then(() => order.push(n)));
    await Promise.resolve();
    expect(order).toEqual([]);
    lock.unlock();
    await Promise.resolve();
    expect(order).toEqual([1]);
    lock.unlock();
    lock.unlock();
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3]);
    lock.unlock();
    // Free again: the next caller gets it at once, and the one after waits for it.
    await lock.lock();
    let next = false;
    void lock.lock().then(() => (next = true));
    await Promise.resolve();
    expect(next).toBe(false);
    lock.unlock();
    await Promise.resolve();
    expect(next).toBe(true);
  });
});

/** Promises created while `work` runs (each await and each resumption of an async function makes some). */
async function promisesDuring(work: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const hook = createHook({
    init(_id, type) {
      if (type === 'PROMISE') count += 1;
    },
  });
  hook.enable();
  try {
    await work();
  } finally {
    hook.disable();
  }
  return count;
}

describe('FairSqliteDialect', () => {
  const opened: Kysely<{ t: { n: number } }>[] = [];
  const open = (dialect: typeof SqliteDialect | typeof FairSqliteDialect, direct = false) => {
    const database = new SQLite(':memory:');
    const db = new Kysely<{ t: { n: number } }>({
      dialect:
        dialect === FairSqliteDialect
          ? new FairSqliteDialect({ database, direct })
          : new SqliteDialect({ database }),
    });
    opened.push(db);
    return db;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.destroy()));
  });

  const countRows = (db: Kysely<{ t: { n: number } }>) =>
    db
      .selectFrom('t')
      .select((eb) => eb.fn.countAll<number>().as('c'))
      .executeTakeFirstOrThrow();

  /** Promises a read makes when nothing else waits for the connection. */
  async function promisesPerFreeRead(db: Kysely<{ t: { n: number } }>): Promise<number> {
    const reads = 50;
    const made = await promisesDuring(async () => {
      for (let i = 0; i < reads; i++) await countRows(db);
    });
    return made / reads;
  }

  /** 300 reads queued while a transaction holds the connection, then the commit: promises made per read. */
  async function promisesPerQueuedRead(db: Kysely<{ t: { n: number } }>): Promise<number> {
    const tx = await db.startTransaction().execute();
    await tx.insertInto('t').values({ n: 2 }).execute();
    const reads = 300;
    const made = await promisesDuring(async () => {
      const pending = Array.from({ length: reads }, () => countRows(db));
      await tx.commit().execute();
      const counts = await Promise.all(pending);
      // Every read ran after the commit, and saw it.
      expect(counts.every((row) => Number(row.c) === 2)).toBe(true);
    });
    return made / reads;
  }

  it('runs queued queries in order, each for a bounded cost: a release wakes one of them (issue 25)', async () => {
    const [fairDb, stockDb] = [open(FairSqliteDialect), open(SqliteDialect)];
    for (const db of [fairDb, stockDb]) {
      await sql`create table t (n integer)`.execute(db);
      await db.insertInto('t').values({ n: 1 }).execute();
    }
    const free = await promisesPerFreeRead(fairDb);
    const fair = await promisesPerQueuedRead(fairDb);
    // Kysely's own lock wakes every waiter at each release: about half the queue per read.
    const stock = await promisesPerQueuedRead(stockDb);
    expect(fair).toBeLessThan(free + 10);
    expect(stock).toBeGreaterThan(free + 100);
  });

  it('keeps transactions and savepoints working, and frees the connection after a failed query', async () => {
    const db = open(FairSqliteDialect);
    await sql`create table t (n integer)`.execute(db);
    await expect(sql`select * from missing`.execute(db)).rejects.toThrow(/no such table/);
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('t').values({ n: 1 }).execute();
    });
    await expect(
      db.transaction().execute(async (tx) => {
        await tx.insertInto('t').values({ n: 3 }).execute();
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    const tx = await db.startTransaction().execute();
    const savepoint = await tx.savepoint('s').execute();
    await savepoint.insertInto('t').values({ n: 2 }).execute();
    await savepoint.rollbackToSavepoint('s').execute();
    await tx.commit().execute();
    const rows = await db.selectFrom('t').select('n').execute();
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('runs a compiled statement directly when asked to, for a few promises instead of Kysely’s thirty', async () => {
    expect(directSqliteOf(open(FairSqliteDialect))).toBeNull();
    expect(directSqliteOf(open(SqliteDialect))).toBeNull();
    const db = open(FairSqliteDialect, true);
    const direct = directSqliteOf(db);
    if (!direct) throw new Error('no direct runner');
    await sql`create table t (n integer)`.execute(db);
    await direct.run(false, 'insert into t (n) values (?)', [7]);
    const query = 'select n from t where n = ?';
    const reads = 50;
    const viaKysely = await promisesDuring(async () => {
      for (let i = 0; i < reads; i++) await db.executeQuery(CompiledQuery.raw(query, [7]));
    });
    const directly = await promisesDuring(async () => {
      for (let i = 0; i < reads; i++) expect(await direct.run(false, query, [7])).toEqual([{ n: 7 }]);
    });
    expect(directly / reads).toBeLessThan(5);
    expect(viaKysely / reads).toBeGreaterThan(20);
  });
});

describe('DirectSqlite rows', () => {
  it('reads the rows better-sqlite3 would give as objects, after a schema change too', async () => {
    const database = new SQLite(':memory:');
    const db = new Kysely<Record<string, never>>({
      dialect: new FairSqliteDialect({ database, direct: true }),
    });
    const direct = directSqliteOf(db);
    if (!direct) throw new Error('no direct runner');
    database.exec(`create table c (id text primary key, n integer, f real, t text, b blob, z text)`);
    database.exec(`insert into c values ('a', 1, 1.5, 'x"y', x'0102', null), ('b', 2, -0.5, '', null, 'é')`);
    const asObjects = (query: string, parameters: unknown[] = []) => database.prepare(query).all(parameters);
    for (const query of [
      'select * from c order by id',
      // A repeated name keeps its last value, as an object row does.
      'select id, n as id, t from c order by 1',
      'select * from c where id = ?',
      'update c set n = n + 1 where id = ? returning *',
    ]) {
      const parameters = query.includes('?') ? ['a'] : [];
      const expected = query.startsWith('update') ? null : asObjects(query, parameters);
      const rows = await direct.run(false, query, parameters);
      if (expected) expect(rows).toEqual(expected);
      else expect(rows).toEqual([{ id: 'a', n: 2, f: 1.5, t: 'x"y', b: Buffer.from([1, 2]), z: null }]);
    }
    // The statement stays shared: Kysely's path through it still gets objects.
    expect(await sql`select id from c order by id`.execute(db)).toMatchObject({
      rows: [{ id: 'a' }, { id: 'b' }],
    });
    database.exec(`alter table c add column later text default 'new'`);
    expect(await direct.run(false, 'select * from c where id = ?', ['b'])).toEqual([
      { id: 'b', n: 2, f: -0.5, t: '', b: null, z: 'é', later: 'new' },
    ]);
    await db.destroy();
  });
});
