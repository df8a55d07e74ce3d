import type { Clock } from '../../lib/clock';
import type { Bus } from '../../realtime/bus';
import type { UsersStore } from '../users/index';
import type { PresenceStore } from './presence.store';

/** How often a process records its connected users, and how long a silent user still counts. */
export const PRESENCE_BEAT_MS = 5_000;
export const PRESENCE_GRACE_MS = 20_000;

/**
 * R10: a user is online while their switch is on and an inbox connection of theirs is alive on
 * some process (a grace period covers network blips; closing every tab ends it).
 */
export function createPresenceService(deps: {
  store: PresenceStore;
  users: UsersStore;
  clock: Clock;
  bus: Bus;
  node: string;
}) {
  const { store, users, clock, bus, node } = deps;
  const localConnections = new Map<string, number>();

  /** R10: this process no longer holds the user online (their sessions ended): offline now. */
  async function end(userId: string): Promise<void> {
    localConnections.delete(userId);
    if (await store.remove(userId, node)) await bus.publish({ type: 'presence.changed', userId });
  }

  return {
    async connected(userId: string): Promise<void> {
      const before = localConnections.get(userId) ?? 0;
      localConnections.set(userId, before + 1);
      await store.beat([userId], node, clock.now());
      if (before === 0) await bus.publish({ type: 'presence.changed', userId });
    },
    /**
     * One of the user's sockets on this process closed. A plain close keeps the grace (a reload
     * must not flap); `endedNow` (logout, revocation, a missed heartbeat) ends presence at once
     * when it was the user's last socket here.
     */
    async disconnected(userId: string, endedNow = false): Promise<void> {
      const left = (localConnections.get(userId) ?? 1) - 1;
      if (left > 0) {
        localConnections.set(userId, left);
        return;
      }
      localConnections.delete(userId);
      if (endedNow) await end(userId);
    },
    end,
    /** Called on a timer: refresh this process's heartbeats and forget stale ones. */
    async beat(): Promise<void> {
      const now = clock.now();
      await store.beat([...localConnections.keys()], node, now);
      await store.prune(now - 10 * PRESENCE_GRACE_MS);
    },
    async onlineUserIds(): Promise<Set<string>> {
      return new Set(await store.onlineUserIds(clock.now() - PRESENCE_GRACE_MS));
    },
    async isAnyoneOnline(): Promise<boolean> {
      return (await store.onlineUserIds(clock.now() - PRESENCE_GRACE_MS)).length > 0;
    },
    async setSwitch(userId: string, online: boolean): Promise<void> {
      await users.update(userId, { online_switch: online ? 1 : 0, updated_at: clock.now() });
      await bus.publish({ type: 'presence.changed', userId });
    },
  };
}
export type PresenceService = ReturnType<typeof createPresenceService>;
