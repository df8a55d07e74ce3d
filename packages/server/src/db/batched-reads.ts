import { isPostgres, type Db } from './database';

type Waiter<R> = { resolve: (row: R | undefined) => void; reject: (error: unknown) => void };

/** At most this many keys in one statement; more asked in one turn make several. */
const MAX_KEYS = 100;

/**
 * Reads by key asked in the same turn of the event loop share one statement (issue 25: round
 * trips per chat message on PostgreSQL, where each statement waits for the network and a
 * connection of a small pool). Every chat message reads its conversation before it is sent, and
 * a visitor's message reads it again when its notification goes out; the frames of every socket
 * that the server reads together become one `where id = any(...)`.
 *
 * A read still sees the database as it is after it was asked (the statement runs at the end of
 * the turn, never from a cache). A key asked twice in one turn is read once; each later asker
 * gets its own shallow copy of the row. A failed statement fails every read it carried.
 */
export function batchedReads<K, R>(
  loadMany: (keys: K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
): (key: K) => Promise<R | undefined> {
  let pending = new Map<K, Waiter<R>[]>();
  let scheduled = false;

  async function load(batch: Map<K, Waiter<R>[]>): Promise<void> {
    try {
      const rows = new Map((await loadMany([...batch.keys()])).map((row) => [keyOf(row), row]));
      for (const [key, waiters] of batch) {
        const row = rows.get(key);
        waiters.forEach((waiter, i) => waiter.resolve(row && i > 0 ? { ...row } : row));
      }
    } catch (error) {
      for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
    }
  }

  function takeBatch(): Map<K, Waiter<R>[]> {
    const batch = pending;
    pending = new Map();
    return batch;
  }

  return (key) =>
    new Promise<R | undefined>((resolve, reject) => {
      const waiters = pending.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else pending.set(key, [{ resolve, reject }]);
      if (pending.size >= MAX_KEYS) void load(takeBatch());
      else if (!scheduled) {
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          if (pending.size > 0) void load(takeBatch());
        });
      }
    });
}

/**
 * A read of one row by id: on PostgreSQL shared with the reads asked in the same turn
 * (`batchedReads` over `many`), on SQLite at once through `one` (no network between the process
 * and its database, so nothing to share).
 */
export function readById<R extends { id: string }>(
  db: Db,
  one: (db: Db, values: { id: string }) => Promise<R[]>,
  many: (db: Db, values: { ids: string[] }) => Promise<R[]>,
): (id: string) => Promise<R | undefined> {
  if (!isPostgres(db)) return async (id) => (await one(db, { id }))[0];
  return batchedReads(
    (ids: string[]) => many(db, { ids }),
    (row) => row.id,
  );
}
