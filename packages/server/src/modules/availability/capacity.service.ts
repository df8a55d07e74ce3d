import type { TUserRoutingDto } from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { PresenceService } from '../presence/index';
import type { UsersStore } from '../users/index';
import type { AvailabilityStore } from './availability.store';

/** Per-user capacity for automatic assignment, with each user's load (issue 19, the Users page). */
export function createCapacityService(deps: {
  store: AvailabilityStore;
  users: UsersStore;
  presence: PresenceService;
}) {
  const { store, users, presence } = deps;
  return {
    /** Every active user's capacity, open assigned chats, presence and teams (the Users page). */
    async userRouting(): Promise<TUserRoutingDto[]> {
      const ids = (await users.listAll()).filter((u) => u.active === 1).map((u) => u.id);
      const [routing, open, teams, online] = await Promise.all([
        store.routingOf(ids),
        store.openCounts(ids),
        store.teamIdsOf(ids),
        presence.onlineUserIds(),
      ]);
      return ids.map((userId) => ({
        userId,
        capacity: routing.get(userId)?.capacity ?? null,
        openAssigned: open.get(userId) ?? 0,
        online: online.has(userId),
        teamIds: teams.get(userId) ?? [],
      }));
    },
    async setCapacity(userId: string, capacity: number | null): Promise<TUserRoutingDto> {
      const user = userId.length <= 64 ? await users.findById(userId) : null;
      if (!user) throw new AppError('USER_NOT_FOUND');
      await store.setCapacity(userId, capacity);
      const [open, teams, online] = await Promise.all([
        store.openCounts([userId]),
        store.teamIdsOf([userId]),
        presence.onlineUserIds(),
      ]);
      return {
        userId,
        capacity,
        openAssigned: open.get(userId) ?? 0,
        online: online.has(userId),
        teamIds: teams.get(userId) ?? [],
      };
    },
  };
}
export type CapacityService = ReturnType<typeof createCapacityService>;
