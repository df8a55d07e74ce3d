import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { testDialect } from '../test/test-db';
import { openDatabase, type DatabaseHandle } from './database';

async function until(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(testDialect !== 'sqlite')('SQLite checkpoints from a worker thread (issue 25)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'charla-wal-'));
  const file = join(folder, 'charla.db');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const autocheckpoint = async (handle: DatabaseHandle) =>
    (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(handle.db)).rows[0]
      ?.wal_autocheckpoint;

  it('copies the log into the database file off the event loop, and lets go of the file on close', async () => {
    const handle = await openDatabase(`sqlite:${file}`);
    // Once the worker is up, the event loop's connection checkpoints only as a backstop.
    await until(async () => (await autocheckpoint(handle)) === 10_000, 'the worker');
    await sql`create table filler (id integer primary key, payload blob)`.execute(handle.db);
    const page = Buffer.alloc(4_000, 1);
    // 1,500 commits of a page each: past SQLite's own threshold (1,000 pages), below the backstop.
    for (let i = 0; i < 1_500; i += 1)
      await sql`insert into filler (payload) values (${page})`.execute(handle.db);
    await until(() => statSync(file).size > 1_500 * 4_000, 'the rows in the database file');
    const [{ n } = { n: 0 }] = (await sql<{ n: number }>`select count(*) as n from filler`.execute(handle.db))
      .rows;
    expect(n).toBe(1_500);
    await handle.close();
    // The last connection to close removes the log: the worker's is closed too.
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});
