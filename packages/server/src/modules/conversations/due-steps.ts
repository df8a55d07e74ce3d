import { pendingServerStep, refuseWrite, type TPlaybookDocument, type TRunInput } from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import type { VisitorsService } from '../visitors/index';
import { lifecycleOf } from './conversation-dto';
import type { ConversationsService } from './conversations.service';
import type { ConversationRow, ConversationsStore } from './conversations.store';
import type { HttpCardCaller } from './http-card-call';
import type { RunSteps } from './run-steps';
import { readStoredRun } from './stored-run';

/** Longer than any step takes (an HTTP call is at most 10 s), so a live process never loses its lease. */
export const DUE_LEASE_MS = 30_000;
const BATCH = 50;

type Prepared = { row: ConversationRow; doc: TPlaybookDocument; input: TRunInput | null };

/**
 * Runs the steps the server takes on by itself when their time comes (`offline_due`): the offline
 * branch of a missed chat (R13), the end of a wait card's pause, an HTTP request card's call
 * (issue 18). Each is leased, so one process does it; if that process dies, the lease runs out and
 * another does the step again from the stored run state — an HTTP request may then go out twice,
 * but the run moves on once, through the conditional run-state update. Nothing lives in memory only.
 */
export function createDueSteps(deps: {
  conversations: ConversationsService;
  store: ConversationsStore;
  visitors: VisitorsService;
  clock: Clock;
  steps: RunSteps;
  callHttp: HttpCardCaller;
  onError: (error: unknown, context: string) => void;
}) {
  const { conversations, store, visitors, clock, steps } = deps;

  /** What moves the run on, doing the step's work (the HTTP call) first; null when nothing is due. */
  async function prepare(row: ConversationRow): Promise<Prepared> {
    const doc = await steps.docFor(row);
    const run = readStoredRun(row.run_state).run;
    // A chat closed meanwhile (other than a missed one's offline branch) hears nothing more.
    if (!run || refuseWrite(lifecycleOf(row), { kind: 'bot_output' }) !== null)
      return { row, doc, input: null };
    if (run.status === 'live_chat') return { row, doc, input: { kind: 'live_chat_offline' } };
    const pending = pendingServerStep(doc, run);
    if (pending?.kind === 'wait') return { row, doc, input: { kind: 'wait_over' } };
    if (pending?.kind === 'http_request') return { row, doc, input: await deps.callHttp(pending.request) };
    return { row, doc, input: null };
  }

  async function finish({ row, doc, input }: Prepared): Promise<void> {
    await conversations.withLock(row.id, async () => {
      const fresh = await store.findById(row.id);
      // The run moved on meanwhile (another process, after this lease ran out): its save set the due time.
      if (!fresh || fresh.run_state !== row.run_state) return;
      if (input === null) {
        await store.update(row.id, { offline_due: null });
        return;
      }
      const visitor = await visitors.findById(row.visitor_id);
      try {
        // Saving the next run state writes the next due time (or none).
        await steps.continueRun(fresh, doc, input, visitor?.number ?? 0);
      } catch (error) {
        // Refused before anything was saved: drop the due time rather than retry it forever.
        if (!(error instanceof AppError) || error.code !== 'ANSWER_NOT_EXPECTED') throw error;
        await store.update(row.id, { offline_due: null });
      }
    });
  }

  /** Leases the due steps and takes each run on; returns how many were claimed. */
  async function continueDue(): Promise<number> {
    const due = await store.claimOfflineDue(clock.now(), DUE_LEASE_MS, BATCH);
    // The HTTP calls go out side by side; the database writes follow one after another.
    const prepared = await Promise.all(
      due.map((row) =>
        prepare(row).catch((error: unknown) => {
          deps.onError(error, 'due step');
          return null;
        }),
      ),
    );
    for (const item of prepared) {
      if (!item) continue;
      try {
        await finish(item);
      } catch (error) {
        deps.onError(error, 'due step');
      }
    }
    return due.length;
  }

  return { continueDue };
}
