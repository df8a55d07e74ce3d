import type { WebSocket } from 'ws';

/** Live sockets on this process, indexed by the user or visitor they belong to. */
export function createConnectionRegistry<C extends { socket: WebSocket }>() {
  const byOwner = new Map<string, Set<C>>();
  let count = 0;
  return {
    add(owner: string, connection: C): void {
      let set = byOwner.get(owner);
      if (!set) byOwner.set(owner, (set = new Set()));
      set.add(connection);
      count += 1;
    },
    remove(owner: string, connection: C): void {
      const set = byOwner.get(owner);
      if (set?.delete(connection)) count -= 1;
      if (set && set.size === 0) byOwner.delete(owner);
    },
    of(owner: string): ReadonlySet<C> {
      return byOwner.get(owner) ?? new Set();
    },
    *all(): Generator<C> {
      for (const set of byOwner.values()) yield* set;
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
