import { cached } from '../../lib/ttl-cache';
import type { UsersStore } from '../users/index';
import type { VisitorsService } from '../visitors/index';
import { readVisitorContext } from '../visitors/index';

export type PlaybookNames = { nameOf(playbookId: string): Promise<string | null> };
/** Team names (issue 19, modules/availability). */
export type TeamNames = { nameOf(teamId: string): Promise<string | null> };

/**
 * Short-lived caches of what every conversation DTO shows beside its row: the assignee, the
 * playbook, the team and the visitor.
 */
export function createLookupCaches(deps: {
  visitors: VisitorsService;
  users: UsersStore;
  playbookNames: PlaybookNames;
  teamNames?: TeamNames;
}) {
  const { visitors, users, playbookNames, teamNames } = deps;
  // Names, avatars and page context change rarely; every chat message needs them for its DTO.
  const userById = cached(
    async (id: string) => {
      const u = await users.findById(id);
      return u ? { id: u.id, name: u.name, avatarUrl: u.avatar_url } : null;
    },
    { ttlMs: 5_000, max: 2_000 },
  );
  const playbookById = cached(
    async (id: string) => {
      const name = await playbookNames.nameOf(id);
      return name === null ? null : { id, name };
    },
    { ttlMs: 30_000, max: 500 },
  );
  const teamById = cached(
    async (id: string) => {
      const name = teamNames ? await teamNames.nameOf(id) : null;
      return name === null ? null : { id, name };
    },
    { ttlMs: 10_000, max: 500 },
  );
  const visitorById = cached(
    async (id: string) => {
      const [v] = await visitors.findManyByIds([id]);
      return v ? { id: v.id, number: v.number, context: readVisitorContext(v) } : null;
    },
    { ttlMs: 2_000, max: 20_000 },
  );
  return { userById, playbookById, teamById, visitorById };
}
