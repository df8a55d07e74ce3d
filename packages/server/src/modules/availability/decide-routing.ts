import type { TRoutingMode } from '@charla/protocol';

/** A user who could get a chat: online, active, in the card's team (when it has one). */
export type RoutingCandidate = {
  userId: string;
  /** Open chats assigned to them now. */
  open: number;
  /** Max open assigned chats; null: no limit. */
  capacity: number | null;
  /** When automatic assignment last gave them a chat; null: never. */
  lastRoutedAt: number | null;
};

const byLastRouted = (a: RoutingCandidate, b: RoutingCandidate) =>
  (a.lastRoutedAt ?? -1) - (b.lastRoutedAt ?? -1) || a.userId.localeCompare(b.userId);

/**
 * Who should get the next chat, best first (pure): only users with room left, without the
 * excluded ones (the assignee the watchdog just took it from). Round-robin: the one who got a
 * chat longest ago; least-busy: the fewest open chats, then longest ago. The caller tries them
 * in order; the database's conditional update is what makes each try safe (capacity and one
 * winner per chat), so this order is a preference, never a promise.
 */
export function rankAssignees(
  mode: Exclude<TRoutingMode, 'manual'>,
  candidates: readonly RoutingCandidate[],
  exclude: readonly string[] = [],
): string[] {
  const withRoom = candidates.filter(
    (c) => !exclude.includes(c.userId) && (c.capacity === null || c.open < c.capacity),
  );
  const order =
    mode === 'least_busy'
      ? (a: RoutingCandidate, b: RoutingCandidate) => a.open - b.open || byLastRouted(a, b)
      : byLastRouted;
  return [...withRoom].sort(order).map((c) => c.userId);
}
