import type { ReportFactUsersTable } from '../../db/schema.reports';
import { buildFacts } from './conversation-facts';
import { factRow } from './fact-row';
import type { Changed, ReportFactsStore } from './report-facts.store';

/** Conversations changed up to this long before the newest stored row are recomputed again (late commits). */
export const CATCH_UP_MARGIN_MS = 5 * 60_000;
/**
 * Conversations recomputed per transaction. The job re-scans every chat of the last minutes every
 * 10 s; in one go, 500 live chats held SQLite's connection and the event loop for 100–200 ms, a
 * pause every chat message behind it waited out (issue 25: p99 at 2,000 msg/s). Small batches
 * with a turn of the event loop between them let the messages through.
 */
const BATCH = 50;

const isLater = (a: Changed, b: Changed | null) =>
  !b || a.updated_at > b.updated_at || (a.updated_at === b.updated_at && a.id > b.id);

/**
 * Keeps `report_facts` in step with the conversations: recomputes every conversation whose
 * `updated_at` moved (every message and transition moves it). Runs before each report and as a
 * background job; one catch-up at a time per process (callers share the running one).
 */
export function createReportFacts(store: ReportFactsStore) {
  let running: Promise<number> | null = null;
  let queued: Promise<number> | null = null;

  function start(rescan = false): Promise<number> {
    running = run(rescan).finally(() => {
      running = null;
    });
    return running;
  }

  async function recompute(changed: Changed[]): Promise<void> {
    const ids = changed.map((c) => c.id);
    const [conversations, events, replies] = await Promise.all([
      store.conversations(ids),
      store.events(ids),
      store.replies(ids),
    ]);
    const source = new Map(changed.map((c) => [c.id, c.updated_at]));
    const facts = buildFacts({ conversations, events, replies, crm: [], ratings: [] });
    const users: ReportFactUsersTable[] = facts.flatMap((f) =>
      f.userIds.map((userId) => ({ conversation_id: f.id, user_id: userId, created_at: f.createdAt })),
    );
    await store.save(
      facts.map((f) => factRow(f, source.get(f.id) ?? 0)),
      users,
    );
  }

  /** Where this process got to: reports only look past it; the background job re-scans the margin. */
  let cursor: Changed | null = null;

  async function run(rescan: boolean): Promise<number> {
    let after = rescan ? null : cursor;
    let since = after?.updated_at ?? Number.MIN_SAFE_INTEGER;
    if (!after) {
      const mark = await store.watermark();
      if (mark !== null) since = mark - CATCH_UP_MARGIN_MS;
    }
    // Ends where the conversations stood when it started: a chat written to meanwhile moved past
    // that point and is the next run's (while messages flow, a run chasing them recomputed the
    // same chats message after message: issue 25, 0.6 statements per message on PostgreSQL).
    const end = await store.newestChange();
    let total = 0;
    for (;;) {
      const changed = (await store.changedSince(since, after, BATCH)).filter((c) => !isLater(c, end));
      if (changed.length === 0) return total;
      await recompute(changed);
      total += changed.length;
      after = changed.at(-1) ?? null;
      if (after && isLater(after, cursor)) cursor = after;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  return {
    /** Brings the rows up to date; resolves with how many conversations were recomputed. */
    /** With `rescan`, also recomputes the last minutes before the newest row (commits that landed late). */
    catchUp(rescan = false): Promise<number> {
      if (!running) return start(rescan);
      // One is running but may have read the changes before ours: run once more after it.
      queued ??= running.then(
        () => ((queued = null), start()),
        () => ((queued = null), start()),
      );
      return queued;
    },
  };
}
export type ReportFacts = ReturnType<typeof createReportFacts>;
