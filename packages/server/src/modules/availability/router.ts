import { decideWatchdog, type TLapseReason } from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import {
  readRouting,
  type ConversationRow,
  type ConversationsService,
  type ConversationsStore,
} from '../conversations/index';
import type { PresenceService } from '../presence/presence.service';
import type { UsersStore } from '../users/users.store';
import { AtCapacity, type AvailabilityStore } from './availability.store';
import { rankAssignees, type RoutingCandidate } from './decide-routing';

const NOBODY_NAMED = { name: '', avatarUrl: null };

/**
 * Automatic assignment and the ownership watchdog (issue 19). Every pick goes through the
 * conversations' one path (`applyTransition`) with a guard that locks the picked user's routing
 * row and checks their capacity in the same transaction, so across processes no chat is assigned
 * twice (the conditional update, as Assign to me) and nobody goes over capacity.
 */
export function createRouter(deps: {
  store: AvailabilityStore;
  conversations: ConversationsService;
  conversationsStore: ConversationsStore;
  presence: PresenceService;
  users: UsersStore;
  clock: Clock;
  onError: (error: unknown, context: string) => void;
}) {
  const { store, conversations, presence, users, clock } = deps;

  /** Online, active users (of the team, when the card names one) with their load and capacity. */
  async function candidates(teamId: string | null): Promise<RoutingCandidate[]> {
    let ids = [...(await presence.onlineUserIds())];
    if (teamId !== null) {
      const members = new Set((await store.findTeam(teamId))?.memberIds ?? []);
      ids = ids.filter((id) => members.has(id));
    }
    const [open, routing] = await Promise.all([store.openCounts(ids), store.routingOf(ids)]);
    return ids.map((userId) => ({
      userId,
      open: open.get(userId) ?? 0,
      capacity: routing.get(userId)?.capacity ?? null,
      lastRoutedAt: routing.get(userId)?.lastRoutedAt ?? null,
    }));
  }

  async function person(userId: string) {
    const user = await users.findById(userId);
    return user ? { name: user.name, avatarUrl: user.avatar_url } : NOBODY_NAMED;
  }

  const roomFor = (userId: string) => (tx: Parameters<AvailabilityStore['claimRoom']>[0]) =>
    store.claimRoom(tx, userId, clock.now());

  /**
   * Tries `ranked` users in order, each in its own transaction; a user found at capacity under the
   * lock is skipped. Returns the row after the change, or null when the chat was taken or changed
   * meanwhile (the fresh state decided) or nobody had room.
   */
  async function tryInOrder(
    ranked: (string | null)[],
    attempt: (userId: string | null) => Promise<ConversationRow>,
  ): Promise<ConversationRow | null> {
    for (const userId of ranked) {
      try {
        return await attempt(userId);
      } catch (error) {
        if (error instanceof AtCapacity) continue;
        if (error instanceof AppError) return null;
        throw error;
      }
    }
    return null;
  }

  /** A waiting chat of a card with automatic assignment goes to the best user with room, if any. */
  async function autoAssign(
    row: ConversationRow,
    known?: RoutingCandidate[],
  ): Promise<ConversationRow | null> {
    const routing = readRouting(row.routing);
    if (!routing || routing.mode === 'manual' || row.status !== 'waiting') return null;
    const ranked = rankAssignees(routing.mode, known ?? (await candidates(routing.teamId)));
    return tryInOrder(ranked, async (userId) => {
      const id = userId as string;
      const people = new Map([[id, await person(id)]]);
      return conversations.applyTransition(
        row,
        { type: 'assign', userId: id },
        { by: null, people },
        roomFor(id),
      );
    });
  }

  /** The watchdog's step: on to the next user with room (automatic assignment), else Unassigned. */
  async function lapse(row: ConversationRow, reason: TLapseReason): Promise<ConversationRow | null> {
    const from = row.assignee_id;
    if (from === null) return null;
    const routing = readRouting(row.routing);
    const ranked =
      routing && routing.mode !== 'manual'
        ? rankAssignees(routing.mode, await candidates(routing.teamId), [from])
        : [];
    const people = new Map([[from, await person(from)]]);
    const context = { by: null, people, replyMinutes: routing?.replyMinutes ?? null };
    return tryInOrder([...ranked, null], async (toUserId) => {
      if (toUserId !== null) people.set(toUserId, await person(toUserId));
      const event = { type: 'ownership_lapsed', reason, toUserId } as const;
      return conversations.applyTransition(row, event, context, toUserId ? roomFor(toUserId) : undefined);
    });
  }

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

  return { autoAssign, lapse, sweepWatchdog, sweepWaiting, candidates };
}
export type Router = ReturnType<typeof createRouter>;
