import { isWaitingTimeOver } from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import type { VisitorsService } from '../visitors/index';
import { lifecycleOf } from './conversation-dto';
import type { ConversationsService } from './conversations.service';
import type { ConversationsStore } from './conversations.store';
import { createDueSteps } from './due-steps';
import type { HttpCardCaller } from './http-card-call';
import type { RunSteps } from './run-steps';

const NOBODY = { by: null, people: new Map() };

/**
 * R13: every process sweeps. Each expired deadline goes through the `waiting_time_over`
 * transition; its conditional UPDATE (status still waiting, deadline reached) is the claim, so
 * the `missed` row and `conversation.closed` happen exactly once across processes, or not at all.
 * Then the due steps go on: missed chats' offline branches, wait cards, HTTP request cards.
 */
export function createWaitingSweep(deps: {
  conversations: ConversationsService;
  store: ConversationsStore;
  visitors: VisitorsService;
  clock: Clock;
  steps: RunSteps;
  callHttp: HttpCardCaller;
  onError: (error: unknown, context: string) => void;
}) {
  const { conversations, store, clock } = deps;
  const due = createDueSteps(deps);

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
    await due.continueDue();
    return missed;
  }

  return { sweepWaiting, continueDue: due.continueDue };
}
