import { decideWatchdog } from '@charla/protocol';
import type { Clock } from '../../lib/clock';
import { readRouting, type ConversationsStore } from '../conversations/index';
import type { PresenceService } from '../presence/index';
import type { AvailabilityStore } from './availability.store';
import { rankAssignees, type RoutingCandidate } from './decide-routing';
import type { Router } from './router';

/** The two sweeps every process runs for routing (issue 19): the watchdog and waiting auto-picks. */
export function createRoutingSweeps(deps: {
  store: AvailabilityStore;
  conversationsStore: ConversationsStore;
  presence: PresenceService;
  clock: Clock;
  router: Router;
}) {
  const { store, presence, clock, router } = deps;
  const { lapse, autoAssign, candidates } = router;

  /**
   * Every process sweeps: assigned chats past their reply deadline, or whose assignee went offline
   * (when the card says so). The transition's conditional update (same assignee; for no reply, the
   * deadline still reached) is the claim: each lapse happens once across processes.
   */
  async function sweepWatchdog(): Promise<number> {
    const now = clock.now();
    const online = new Set(await presence.onlineUserIds());
    const due = await store.watchdogDueIds(now, 100);
    const gone = await store.watchedAssignedOutside([...online], 100);
    let lapsed = 0;
    for (const id of new Set([...due, ...gone])) {
      const row = await deps.conversationsStore.findById(id);
      if (!row) continue;
      const facts = {
        status: row.status,
        assigneeId: row.assignee_id,
        watchdogDeadline: row.watchdog_deadline === null ? null : Number(row.watchdog_deadline),
        routing: readRouting(row.routing),
        assigneeOnline: row.assignee_id !== null && online.has(row.assignee_id),
      };
      const reason = decideWatchdog(facts, now);
      if (reason && (await lapse(row, reason))) lapsed += 1;
    }
    return lapsed;
  }

  /** Waiting chats of automatic cards get another try (someone came online or freed a slot). */
  async function sweepWaiting(): Promise<number> {
    const byTeam = new Map<string, RoutingCandidate[]>();
    let assigned = 0;
    for (const id of await store.autoRoutedWaitingIds(clock.now(), 50)) {
      const row = await deps.conversationsStore.findById(id);
      const routing = row && readRouting(row.routing);
      if (!row || !routing || routing.mode === 'manual') continue;
      const key = routing.teamId ?? '';
      const known = byTeam.get(key) ?? (await candidates(routing.teamId));
      byTeam.set(key, known);
      if (rankAssignees(routing.mode, known).length === 0) continue;
      if (await autoAssign(row, known)) {
        assigned += 1;
        byTeam.delete(key); // loads changed
      }
    }
    return assigned;
  }

  return { sweepWatchdog, sweepWaiting };
}
