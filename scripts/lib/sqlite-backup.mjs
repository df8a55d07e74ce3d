// Online, consistent backups of the embedded SQLite database, and their restore.
//
// The backup uses SQLite's backup API (through better-sqlite3): it copies a consistent snapshot
// page by page while the server keeps reading and writing (WAL mode), and restarts a step when a
// writer changed a page it already copied. The copy is checked (integrity_check) before it is
// kept. The secrets that must travel with the data live in the `settings` table (the session
// secret when SESSION_SECRET is not set, the VAPID key pair of web push), so they are in the copy.
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';

/** The SQLite file a `sqlite:` DATABASE_URL names (the server's default when unset). */
export function sqliteFileOf(databaseUrl = 'sqlite:./data/charla.db') {
  if (!databaseUrl.startsWith('sqlite:')) return null;
  return resolve(databaseUrl.slice('sqlite:'.length));
}

/** What a copy holds: integrity, message and conversation counts, and which secrets it carries. */
export function describeCopy(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const count = (table) => db.prepare(`select count(*) as n from ${table}`).get().n;
    const keys = new Set(db.prepare('select key from settings').pluck().all());
    return {
      integrity,
      conversations: count('conversations'),
      messages: count('messages'),
      secrets: { sessionSecret: keys.has('session_secret'), vapidKeys: keys.has('webpush.vapid') },
    };
  } finally {
    db.close();
  }
}

/** Copies the live database `source` into `target` (a new file) while the server runs. */
export async function backupSqlite(source, target) {
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  if (existsSync(target)) throw new Error(`${target} exists already; choose another name`);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(partial);
  } finally {
    db.close();
  }
  const copy = describeCopy(partial);
  if (copy.integrity !== 'ok') {
    rmSync(partial, { force: true });
    throw new Error(`the copy failed its integrity check: ${copy.integrity}`);
  }
  renameSync(partial, target);
  return { ...copy, bytes: statSync(target).size };
}

/**
 * Puts the backup `from` in place as the database `target`. The server must be stopped. An
 * existing database is only replaced with `force` (it is kept beside as `<target>.before-restore`).
 */
export function restoreSqlite(from, target, { force = false } = {}) {
  const copy = describeCopy(from);
  if (copy.integrity !== 'ok') throw new Error(`${from} failed its integrity check: ${copy.integrity}`);
  if (existsSync(target) && !force)
    throw new Error(`a database exists at ${target}: stop Charla and add --force to replace it`);
  mkdirSync(dirname(target), { recursive: true });
  const staged = `${target}.restoring`;
  rmSync(staged, { force: true });
  const src = new Database(from, { readonly: true, fileMustExist: true });
  try {
    // VACUUM INTO writes a fresh, compact file without the copy's journal state.
    src.prepare('vacuum into ?').run(staged);
  } finally {
    src.close();
  }
  if (existsSync(target)) {
    rmSync(`${target}.before-restore`, { force: true });
    renameSync(target, `${target}.before-restore`);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staged, target);
  return copy;
}
