import { SqliteAdapter, type ControlledTransaction } from 'kysely';
import type { Db } from './database';
import type { Database } from './schema';

/**
 * One change's writes, given the transaction they run in. It may run twice: when another change
 * of its group fails, the group's transaction is undone and each change runs again in its own
 * savepoint. So it does nothing but read and write with `tx` (and compute what it returns).
 */
type GroupWork<T> = (tx: Db) => Promise<T>;

type Waiting = {
  work: GroupWork<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

/** The most time between the starts of two group commits under load (see `createCommitGroup`). */
export const COMMIT_SPACING_MS = 8;

/** Under load, the next commit starts this many times the last one's duration after it (see `spacingAfter`). */
export const COMMIT_WAIT_PER_COMMIT = 10;

/**
 * How long after the start of a commit that took `durationMs` the next one may start: `waitPerCommit`
 * times its duration, so committing takes at most about a tenth of the event loop, and never more
 * than `spacingMs`. A quick commit (a quiet moment, a small group) lets the next follow soon; a
 * slow one (many messages, or the checkpoint) gathers more for the next.
 */
export function spacingAfter(durationMs: number, spacingMs: number, waitPerCommit: number): number {
  return Math.min(spacingMs, Math.max(0, durationMs) * waitPerCommit);
}

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
 * next transaction, so a burst of chat messages pays for one COMMIT instead of one each. A
 * change's promise settles only after its transaction committed (an ack still means durable); one
 * change failing fails only itself (see `commit`); a failed commit fails every change of the group.
 *
 * When to commit: a change that comes after a quiet moment starts its group on the next turn of
 * the event loop, with what came in that turn. Under load, a commit starts `spacingAfter` the
 * previous one's start: ten times as long as that one took, at most `spacingMs`; what arrives
 * meanwhile joins the next group. A COMMIT costs 300-900 µs at 2,000 messages a second (its WAL
 * pages, and the checkpoint of the one that crosses 1,000 pages), the largest single cost of a
 * message on SQLite: there the spacing reaches 8 ms, about 16 messages a commit (3 with none, 10
 * with a fixed 4 ms: CPU per message -8 % and a lower p99 in four of five alternated pairs). At a
 * few hundred messages a second commits are quick and so is the next one (a fixed 8 ms doubled
 * the p50 there, 2.4 → 4.8 ms at 250 msg/s).
 *
 * For SQLite, where the one connection serializes every transaction anyway. On PostgreSQL the
 * pool's connections commit side by side: there `run` is a plain transaction.
 */
export function createCommitGroup(
  db: Db,
  { spacingMs = COMMIT_SPACING_MS, waitPerCommit = COMMIT_WAIT_PER_COMMIT } = {},
) {
  const grouped = db.getExecutor().adapter instanceof SqliteAdapter;
  let waiting: Waiting[] = [];
  let writing = false;
  let lastCommitAt = Number.NEGATIVE_INFINITY;
  let spacing = 0;

  /** `writes` in one transaction, committed; its failure (or the commit's) undoes all of it. */
  async function inTransaction(
    writes: (tx: ControlledTransaction<Database>) => Promise<Outcome[]>,
  ): Promise<{ ok: true; outcomes: Outcome[] } | { ok: false; error: unknown }> {
    let tx: ControlledTransaction<Database> | undefined;
    try {
      tx = await db.startTransaction().execute();
      const outcomes = await writes(tx);
      await tx.commit().execute();
      return { ok: true, outcomes };
    } catch (error) {
      await tx
        ?.rollback()
        .execute()
        .catch(() => undefined);
      return { ok: false, error };
    }
  }

  /**
   * The group's changes one after the other, without savepoints (they cost two statements a
   * change, about 10 µs of CPU: issue 25). Should one fail, the group runs again one savepoint a
   * change, so that only the failing ones fail; should that fail too (the commit), every change
   * fails with its error.
   */
  async function commit(group: Waiting[]): Promise<Outcome[]> {
    let result = await inTransaction(async (tx) => {
      const outcomes: Outcome[] = [];
      for (const change of group) outcomes.push({ ok: true, value: await change.work(tx) });
      return outcomes;
    });
    if (!result.ok && group.length > 1)
      result = await inTransaction(async (tx) => {
        const outcomes: Outcome[] = [];
        for (const change of group) outcomes.push(await inSavepoint(tx, change.work));
        return outcomes;
      });
    if (result.ok) return result.outcomes;
    const { error } = result;
    return group.map(() => ({ ok: false, error }));
  }

  async function drain(): Promise<void> {
    while (waiting.length > 0) {
      const group = waiting;
      waiting = [];
      lastCommitAt = performance.now();
      const outcomes = await commit(group);
      spacing = spacingAfter(performance.now() - lastCommitAt, spacingMs, waitPerCommit);
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
        const wait = lastCommitAt + spacing - performance.now();
        if (wait > 0) setTimeout(() => void drain(), wait);
        else setImmediate(() => void drain());
      });
    },
  };
}
