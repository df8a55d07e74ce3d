import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialect } from '../test/test-db';
import { createCommitGroup } from './commit-group';
import type { DatabaseHandle } from './database';

describe('group commit of chat messages (issue 25)', () => {
  let test: Awaited<ReturnType<typeof createTestDatabase>>;
  let database: DatabaseHandle;

  beforeAll(async () => {
    test = await createTestDatabase();
    database = await test.open();
    await sql`create table commit_probe (id text primary key)`.execute(database.db);
  });
  afterAll(async () => {
    await database?.close();
    await test?.drop();
  });

  const insert = (id: string) => async (tx: DatabaseHandle['db']) => {
    await sql`insert into commit_probe (id) values (${id})`.execute(tx);
    return id;
  };
  const stored = async (prefix: string) =>
    (
      await sql<{
        id: string;
      }>`select id from commit_probe where id like ${`${prefix}%`} order by id`.execute(database.db)
    ).rows.map((r) => r.id);

  it('commits every change started together, on SQLite sharing commits (one each on PostgreSQL)', async () => {
    const group = createCommitGroup(database.db);
    const before = database.commits();
    const ids = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
    expect(await Promise.all(ids.map((id) => group.run(insert(id))))).toEqual(ids);
    expect(await stored('a')).toEqual(ids);
    const commits = database.commits() - before;
    // Started in the same turn of the event loop: one group, one commit.
    expect(commits).toBe(testDialect === 'sqlite' ? 1 : ids.length);
  });

  it.runIf(testDialect === 'sqlite')(
    'runs a group that succeeds without a savepoint per change',
    async () => {
      const group = createCommitGroup(database.db);
      const before = database.statements();
      const ids = ['f1', 'f2', 'f3', 'f4'];
      expect(await Promise.all(ids.map((id) => group.run(insert(id))))).toEqual(ids);
      // BEGIN, the four INSERTs, COMMIT: no SAVEPOINT and RELEASE around each.
      expect(database.statements() - before).toBe(ids.length + 2);
    },
  );

  it('undoes only the failing change of a group; the others commit and keep their answers', async () => {
    const group = createCommitGroup(database.db);
    const failing = async (tx: DatabaseHandle['db']) => {
      await insert('b2')(tx);
      throw new Error('refused');
    };
    const [first, second, third, duplicate] = await Promise.allSettled([
      group.run(insert('b1')),
      group.run(failing),
      group.run(insert('b3')),
      group.run(insert('b1')),
    ]);
    expect(second).toMatchObject({ status: 'rejected', reason: { message: 'refused' } });
    expect(third).toEqual({ status: 'fulfilled', value: 'b3' });
    // The same key twice: the database refuses one, the group goes on. On SQLite the group runs
    // them in order, so the second; on PostgreSQL they are two transactions on two connections
    // and either may commit first (a CI run saw the second win).
    if (testDialect === 'sqlite') {
      expect(first).toEqual({ status: 'fulfilled', value: 'b1' });
      expect(duplicate.status).toBe('rejected');
    } else expect([first.status, duplicate.status].sort()).toEqual(['fulfilled', 'rejected']);
    expect(await stored('b')).toEqual(['b1', 'b3']);
  });

  it('a change of a later turn goes into the next group', async () => {
    const group = createCommitGroup(database.db, { spacingMs: 0 });
    const before = database.commits();
    const first = group.run(insert('d1'));
    await new Promise((resolve) => setImmediate(resolve));
    const second = group.run(insert('d2'));
    expect(await Promise.all([first, second])).toEqual(['d1', 'd2']);
    expect(database.commits() - before).toBe(2);
    expect(await stored('d')).toEqual(['d1', 'd2']);
  });

  it('under load, changes of later turns that come within the spacing share the next commit', async () => {
    // A long spacing whatever the first commit took, so that a slow machine still sends the
    // three before it ends.
    const group = createCommitGroup(database.db, { spacingMs: 1_000, waitPerCommit: 1e9 });
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    const before = database.commits();
    expect(await group.run(insert('e1'))).toBe('e1');
    const later: Promise<string>[] = [];
    for (const id of ['e2', 'e3', 'e4']) {
      later.push(group.run(insert(id)));
      await nextTurn();
    }
    expect(await Promise.all(later)).toEqual(['e2', 'e3', 'e4']);
    expect(await stored('e')).toEqual(['e1', 'e2', 'e3', 'e4']);
    // SQLite: the first alone (nothing came before it), then the three together.
    expect(database.commits() - before).toBe(testDialect === 'sqlite' ? 2 : 4);
  });

  it('a change alone that fails rolls back and leaves the group usable', async () => {
    const group = createCommitGroup(database.db);
    await expect(
      group.run(async (tx) => {
        await insert('c1')(tx);
        throw new Error('alone');
      }),
    ).rejects.toThrow('alone');
    expect(await group.run(insert('c2'))).toBe('c2');
    expect(await stored('c')).toEqual(['c2']);
  });
});
