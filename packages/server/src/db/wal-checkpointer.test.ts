import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialect } from '../test/test-db';
import { openDatabase, type DatabaseHandle } from './database';
import { BACKSTOP_CHECKPOINT_PAGES } from './wal-checkpointer';

describe.runIf(testDialect === 'sqlite')('SQLite checkpoints from a worker thread (issue 25)', () => {
  let dir = '';
  let handle: DatabaseHandle | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  async function openFresh(): Promise<{ file: string; handle: DatabaseHandle }> {
    dir = mkdtempSync(join(tmpdir(), 'charla-wal-'));
    const file = join(dir, 'charla.db');
    handle = await openDatabase(`sqlite:${file}`);
    return { file, handle };
  }

  it('copies committed pages into the database file while the writer only appends to the log', async () => {
    const { file, handle: opened } = await openFresh();
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(opened.db);
    expect(rows[0]?.wal_autocheckpoint).toBe(BACKSTOP_CHECKPOINT_PAGES);

    await sql`create table notes (body text not null)`.execute(opened.db);
    const emptySize = statSync(file).size;
    // About 300 pages of log, one transaction each: below even SQLite's default automatic
    // checkpoint (1,000 pages), so only the worker can have copied them into the file.
    for (let i = 0; i < 150; i += 1)
      await sql`insert into notes (body) values (${`${i}`.padEnd(6000, '.')})`.execute(opened.db);

    await expect.poll(() => statSync(file).size, { timeout: 15_000 }).toBeGreaterThan(emptySize + 800_000);
    const count = await sql<{ n: number }>`select count(*) as n from notes`.execute(opened.db);
    expect(count.rows[0]?.n).toBe(150);
  });

  it('closes the worker first, so the last connection to close removes the log', async () => {
    const { file, handle: opened } = await openFresh();
    await sql`create table notes (body text not null)`.execute(opened.db);
    await sql`insert into notes (body) values ('kept')`.execute(opened.db);
    expect(existsSync(`${file}-wal`)).toBe(true);

    await opened.close();
    handle = undefined;
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = await openDatabase(`sqlite:${file}`);
    handle = reopened;
    const { rows } = await sql<{ body: string }>`select body from notes`.execute(reopened.db);
    expect(rows.map((r) => r.body)).toEqual(['kept']);
  });
});
