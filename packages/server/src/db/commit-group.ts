import { SqliteAdapter, type ControlledTransaction } from 'kysely';
import type { Db } from './database';
import type { Database } from './schema';

/** One change's writes, given the transaction they run in. */
type GroupWork<T> = (tx: Db) => Promise<T>;

type Waiting = {
  work: GroupWork<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

/** The least time between two group commits under load (see `createCommitGroup`). */
export const COMMIT_SPACING_MS = 4;

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Runs one change in its own savepoint: its failure undoes only its writes. */
async function inSavepoint(tx: ControlledTransaction<Database>, work: GroupWork<unknown>): Promise<Outcome> {
  const inside = await tx.savepoint('change').execute();
  try {
    const value = await work(inside);
    await inside.releaseSavepoint('change').execute();
    return { ok: true, value };
  } catch (error) {
    await inside.rollbackToSavepoint('change').execute();
    return { ok: false, error };
  }
}

/**
 * Group commit (issue 25): the changes that arrive while one commit is being written share the
 * next transaction, one savepoint each, so a burst of chat messages pays for one COMMIT instead
 * of one each. A change's promise settles only after its transaction committed (an ack still
 * means durable); one change failing rolls back only its savepoint; a failed commit fails every
 * change of the group.
 *
 * When to commit: a change that comes after a quiet moment starts its group on the next turn of
 * the event loop, with what came in that turn. Under load, commits are spaced `spacingMs` apart
 * (measured from the start of the previous one): what arrives meanwhile joins the next group. At
 * 2,000 messages a second that is about 8 messages a commit instead of 3, for at most `spacingMs`
 * more latency (SQLite's COMMIT cost about 160 µs of CPU, the largest single cost of a message).
 *
 * For SQLite, where the one connection serializes every transaction anyway and a savepoint costs
 * no I/O. On PostgreSQL each savepoint is two more round trips: there `run` is a plain transaction.
 */
export function createCommitGroup(db: Db, { spacingMs = COMMIT_SPACING_MS } = {}) {
  const grouped = db.getExecutor().adapter instanceof SqliteAdapter;
  let waiting: Waiting[] = [];
  let writing = false;
  let lastCommitAt = Number.NEGATIVE_INFINITY;

  async function commit(group: Waiting[]): Promise<Outcome[]> {
    let tx: ControlledTransaction<Database> | undefined;
    try {
      tx = await db.startTransaction().execute();
      const outcomes: Outcome[] = [];
      if (group.length === 1) outcomes.push({ ok: true, value: await (group[0] as Waiting).work(tx) });
      else for (const change of group) outcomes.push(await inSavepoint(tx, change.work));
      await tx.commit().execute();
      return outcomes;
    } catch (error) {
      await tx
        ?.rollback()
        .execute()
        .catch(() => undefined);
      return group.map(() => ({ ok: false, error }));
    }
  }

  async function drain(): Promise<void> {
    while (waiting.length > 0) {
      const group = waiting;
      waiting = [];
      lastCommitAt = performance.now();
      const outcomes = await commit(group);
      group.forEach((change, i) => {
        const outcome = outcomes[i] as Outcome;
        if (outcome.ok) change.resolve(outcome.value);
        else change.reject(outcome.error);
      });
    }
    writing = false;
  }

  return {
    run<T>(work: GroupWork<T>): Promise<T> {
      if (!grouped) return db.transaction().execute(work);
      return new Promise<T>((resolve, reject) => {
        waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (writing) return;
        writing = true;
        // On SQLite a transaction runs in microtasks only, so a group holds what came before it
        // starts: the frames of every socket read in the same turn, and under load what came
        // during the spacing.
        const wait = lastCommitAt + spacingMs - performance.now();
        if (wait > 0) setTimeout(() => void drain(), wait);
        else setImmediate(() => void drain());
      });
    },
  };
}
