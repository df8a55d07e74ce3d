import type SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './database';

/** A database that counts how often each text is prepared. */
function countingDatabase() {
  const prepared: string[] = [];
  const sqlite = { prepare: (sql: string) => (prepared.push(sql), { sql }), close: () => undefined };
  return { sqlite: sqlite as unknown as SQLite.Database, prepared };
}

describe('the SQLite statement cache', () => {
  it('prepares a text once, and past its size lets go of one not used since it was passed over', () => {
    const { sqlite, prepared } = countingDatabase();
    const cache = withStatementCache(sqlite, { statements: 0, commits: 0 }, 3);
    for (const sql of ['a', 'b', 'c', 'a', 'a']) cache.prepare(sql);
    expect(prepared).toEqual(['a', 'b', 'c']);
    cache.prepare('d'); // a was used: it gets a second chance, b goes
    cache.prepare('a');
    cache.prepare('b');
    expect(prepared).toEqual(['a', 'b', 'c', 'd', 'b']);
  });

  it('keeps the statements every message runs while one-off texts come and go (issue 25)', () => {
    const { sqlite, prepared } = countingDatabase();
    const cache = withStatementCache(sqlite, { statements: 0, commits: 0 }, 10);
    for (let i = 0; i < 1000; i += 1) {
      cache.prepare('insert message');
      cache.prepare('update conversation');
      cache.prepare(`select in list of ${i}`);
    }
    expect(prepared.filter((sql) => !sql.startsWith('select'))).toEqual([
      'insert message',
      'update conversation',
    ]);
  });
});
