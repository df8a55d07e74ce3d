import { describe, expect, it } from 'vitest';
import { batchedReads } from './batched-reads';

type Row = { id: string; n: number };

/** A table in memory that records the keys of each statement it was asked. */
function table(rows: Row[]) {
  const statements: string[][] = [];
  const loadMany = async (ids: string[]) => {
    statements.push(ids);
    return rows.filter((r) => ids.includes(r.id));
  };
  return { statements, read: batchedReads(loadMany, (r: Row) => r.id) };
}

describe('batchedReads', () => {
  it('reads what is asked in one turn with one statement, each key once', async () => {
    const { statements, read } = table([
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ]);
    const rows = await Promise.all([read('a'), read('b'), read('missing'), read('a')]);
    expect(rows).toEqual([{ id: 'a', n: 1 }, { id: 'b', n: 2 }, undefined, { id: 'a', n: 1 }]);
    expect(statements).toEqual([['a', 'b', 'missing']]);
    // The second asker of a key gets its own copy: changing one row leaves the other alone.
    expect(rows[3]).not.toBe(rows[0]);
  });

  it('reads again in a later turn: nothing is cached', async () => {
    const rows = [{ id: 'a', n: 1 }];
    const { statements, read } = table(rows);
    expect(await read('a')).toEqual({ id: 'a', n: 1 });
    (rows[0] as Row).n = 2;
    expect(await read('a')).toEqual({ id: 'a', n: 2 });
    expect(statements).toEqual([['a'], ['a']]);
  });

  it('splits a turn that asks for more than a hundred keys', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `k${i}`);
    const { statements, read } = table(ids.map((id, n) => ({ id, n })));
    const rows = await Promise.all(ids.map((id) => read(id)));
    expect(rows.map((r) => r?.n)).toEqual(ids.map((_, n) => n));
    expect(statements.map((s) => s.length)).toEqual([100, 100, 50]);
  });

  it('fails every read of a failed statement, and the next turn reads anew', async () => {
    let fail = true;
    const read = batchedReads(
      async (ids: string[]) => {
        if (fail) throw new Error('connection lost');
        return ids.map((id) => ({ id, n: 0 }));
      },
      (r: Row) => r.id,
    );
    const failed = await Promise.allSettled([read('a'), read('b')]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await read('a')).toEqual({ id: 'a', n: 0 });
  });
});
