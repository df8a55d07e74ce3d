import { isWaitingTimeOver } from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import type { VisitorsService } from '../visitors/index';
import { lifecycleOf } from './conversation-dto';
import type { ConversationsService } from './conversations.service';
import type { ConversationsStore } from './conversations.store';
import type { RunSteps } from './run-steps';
import { readStoredRun } from './stored-run';

const OFFLINE_LEASE_MS = 30_000;
const NOBODY = { by: null, people: new Map() };

/**
 * R13: every process sweeps. Each expired deadline goes through the `waiting_time_over`
 * transition; its conditional UPDATE (status still waiting, deadline reached) is the claim, so
 * the `missed` row and `conversation.closed` happen exactly once across processes, or not at all.
 */
export function createWaitingSweep(deps: {
  conversations: ConversationsService;
  store: ConversationsStore;
  visitors: VisitorsService;
  clock: Clock;
  steps: RunSteps;
  onError: (error: unknown, context: string) => void;
}) {
  const { conversations, store, visitors, clock, steps } = deps;

  /** Continues the offline branch of missed conversations (leased, so a crash retries it). */
  async function continueOfflineDue(): Promise<void> {
    const due = await store.claimOfflineDue(clock.now(), OFFLINE_LEASE_MS, 50);
    for (const row of due) {
      try {
        await conversations.withLock(row.id, async () => {
          const doc = await steps.docFor(row);
          if (readStoredRun(row.run_state).run?.status === 'live_chat') {
            const visitor = await visitors.findById(row.visitor_id);
            await steps.continueRun(row, doc, { kind: 'live_chat_offline' }, visitor?.number ?? 0);
          }
          await store.update(row.id, { offline_due: null });
        });
      } catch (error) {
        deps.onError(error, 'offline continuation');
      }
    }
  }

  /** Closes every waiting conversation whose deadline passed; returns how many this call closed. */
  async function sweepWaiting(): Promise<number> {
    const now = clock.now();
    let missed = 0;
    for (const id of await store.expiredWaitingIds(now, 100)) {
      const row = await store.findById(id);
      if (!row || !isWaitingTimeOver(lifecycleOf(row), now)) continue;
      try {
        await conversations.applyTransition(row, { type: 'waiting_time_over' }, NOBODY);
        missed += 1;
      } catch (error) {
        // Another process (or a person taking it just in time) won: nothing to do here.
        if (!(error instanceof AppError)) throw error;
      }
    }
    await continueOfflineDue();
    return missed;
  }

  return { sweepWaiting, continueOfflineDue };
}
