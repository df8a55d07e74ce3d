import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWalCheckpointer } from './wal-checkpointer';

// A real file on disk: what the database file holds (outside the WAL) is its size.
let dir: string;
let file: string;
let sqlite: SQLite.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'charla-wal-'));
  file = join(dir, 'charla.db');
  sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('create table t (id integer primary key, body text not null)');
});

afterEach(() => {
  if (sqlite.open) sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

/** About 2 MB in 200 commits: under SQLite's own 1,000-page threshold, so it alone would not checkpoint. */
function writeTwoMegabytes() {
  const insert = sqlite.prepare('insert into t (body) values (?)');
  for (let i = 0; i < 200; i += 1) insert.run('x'.repeat(10_000));
}

const autoCheckpointPages = () => sqlite.pragma('wal_autocheckpoint', { simple: true });

describe('WAL checkpointer', () => {
  it('copies committed pages into the database file from its own thread; the writer no longer checkpoints', async () => {
    const checkpointer = startWalCheckpointer(sqlite, file, 20);
    try {
      expect(autoCheckpointPages()).toBe(0);
      const before = statSync(file).size;
      writeTwoMegabytes();
      await expect
        .poll(() => statSync(file).size, { timeout: 10_000, interval: 20 })
        .toBeGreaterThan(before + 2_000_000);
      expect(sqlite.prepare('select count(*) from t').pluck().get()).toBe(200);
    } finally {
      await checkpointer.stop();
    }
  });

  it('stops: its connection closes, the database stays usable and closes cleanly', async () => {
    const checkpointer = startWalCheckpointer(sqlite, file, 20);
    await checkpointer.stop();
    writeTwoMegabytes();
    sqlite.close();
    const reopened = new SQLite(file, { readonly: true });
    expect(reopened.prepare('select count(*) from t').pluck().get()).toBe(200);
    reopened.close();
  });

  it('gives checkpoints back to the writing connection when its worker fails', async () => {
    const checkpointer = startWalCheckpointer(sqlite, join(dir, 'missing', 'nothing.db'), 20);
    expect(autoCheckpointPages()).toBe(0);
    await expect.poll(autoCheckpointPages, { timeout: 10_000, interval: 20 }).toBe(1000);
    await checkpointer.stop();
  });
});
