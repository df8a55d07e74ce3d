import type { WebSocket } from 'ws';

/** Live sockets on this process, indexed by the user or visitor they belong to. */
export function createConnectionRegistry<C extends { socket: WebSocket }>() {
  const byOwner = new Map<string, Set<C>>();
  let count = 0;
  // Every message iterates every inbox socket (issue 25): one array, built again after a change,
  // never changed in place (a caller may still hold the one it got).
  let everyone: readonly C[] | null = null;
  return {
    add(owner: string, connection: C): void {
      let set = byOwner.get(owner);
      if (!set) byOwner.set(owner, (set = new Set()));
      set.add(connection);
      count += 1;
      everyone = null;
    },
    remove(owner: string, connection: C): void {
      const set = byOwner.get(owner);
      if (set?.delete(connection)) {
        count -= 1;
        everyone = null;
      }
      if (set && set.size === 0) byOwner.delete(owner);
    },
    of(owner: string): ReadonlySet<C> {
      return byOwner.get(owner) ?? new Set();
    },
    /** Every connection, as they were at the call (a later add or remove makes a new array). */
    all(): readonly C[] {
      everyone ??= [...byOwner.values()].flatMap((set) => [...set]);
      return everyone;
    },
    owners(): IterableIterator<string> {
      return byOwner.keys();
    },
    get size(): number {
      return count;
    },
  };
}

export type ConnectionRegistry<C extends { socket: WebSocket }> = ReturnType<
  typeof createConnectionRegistry<C>
>;
