import type { TLapseReason } from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import {
  readRouting,
  type ConversationRow,
  type ConversationsService,
  type ConversationsStore,
} from '../conversations/index';
import type { PresenceService } from '../presence/index';
import type { UsersStore } from '../users/index';
import { AtCapacity, type AvailabilityStore } from './availability.store';
import { rankAssignees, type RoutingCandidate } from './decide-routing';

const NOBODY_NAMED = { name: '', avatarUrl: null };

async function personOf(users: UsersStore, userId: string) {
  const user = await users.findById(userId);
  return user ? { name: user.name, avatarUrl: user.avatar_url } : NOBODY_NAMED;
}

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

  const person = (userId: string) => personOf(users, userId);

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

  return { autoAssign, lapse, candidates };
}
export type Router = ReturnType<typeof createRouter>;
