import { describe, expect, it } from 'vitest';
import { rememberedByRevision, sameRevisions, type Revisions } from './conversation-revisions';

/** A loader over an in-memory table that records every call. */
function table(rows: Record<string, string[]>) {
  const calls: string[][] = [];
  const load = async (ids: string[]) => {
    calls.push(ids);
    return new Map(ids.filter((id) => rows[id]).map((id) => [id, [...(rows[id] ?? [])]]));
  };
  return { rows, calls, load };
}

const row = (id: string, readers_rev: number, labels_rev = 0): Revisions => ({ id, readers_rev, labels_rev });

describe('readers and labels remembered by the revision on the row (issue 25)', () => {
  it('a conversation that never had any is answered without a read', async () => {
    const t = table({});
    const readers = rememberedByRevision(t.load, (r) => r.readers_rev);
    expect(await readers([row('c1', 0), row('c2', 0)])).toEqual(
      new Map([
        ['c1', []],
        ['c2', []],
      ]),
    );
    expect(t.calls).toEqual([]);
  });

  it('reads once per revision, only the conversations it does not know, all in one call', async () => {
    const t = table({ c1: ['u1'], c2: ['u2'] });
    const readers = rememberedByRevision(t.load, (r) => r.readers_rev);
    expect((await readers([row('c1', 1)])).get('c1')).toEqual(['u1']);
    expect((await readers([row('c1', 1), row('c2', 3), row('c3', 0)])).get('c2')).toEqual(['u2']);
    expect(await readers([row('c1', 1), row('c2', 3)])).toEqual(
      new Map([
        ['c1', ['u1']],
        ['c2', ['u2']],
      ]),
    );
    expect(t.calls).toEqual([['c1'], ['c2']]);
  });

  it('a row with a newer revision reads again, even when the old one is remembered', async () => {
    const t = table({ c1: ['u1'] });
    const readers = rememberedByRevision(t.load, (r) => r.readers_rev);
    await readers([row('c1', 1)]);
    t.rows.c1 = ['u1', 'u2'];
    expect((await readers([row('c1', 2)])).get('c1')).toEqual(['u1', 'u2']);
    expect(t.calls).toHaveLength(2);
  });

  it('a conversation whose rows are gone is remembered as having none', async () => {
    const t = table({});
    const labels = rememberedByRevision(t.load, (r) => r.labels_rev);
    expect((await labels([row('c1', 0, 2)])).get('c1')).toEqual([]);
    expect((await labels([row('c1', 0, 2)])).get('c1')).toEqual([]);
    expect(t.calls).toEqual([['c1']]);
  });

  it('a failed read remembers nothing', async () => {
    let fail = true;
    const readers = rememberedByRevision(
      async (ids) => {
        if (fail) throw new Error('database down');
        return new Map(ids.map((id) => [id, ['u1']]));
      },
      (r) => r.readers_rev,
    );
    await expect(readers([row('c1', 1)])).rejects.toThrow('database down');
    fail = false;
    expect((await readers([row('c1', 1)])).get('c1')).toEqual(['u1']);
  });

  it('sameRevisions compares both counters', () => {
    expect(sameRevisions(row('c1', 1, 2), row('c1', 1, 2))).toBe(true);
    expect(sameRevisions(row('c1', 1, 2), row('c1', 2, 2))).toBe(false);
    expect(sameRevisions(row('c1', 1, 2), row('c1', 1, 3))).toBe(false);
  });
});
