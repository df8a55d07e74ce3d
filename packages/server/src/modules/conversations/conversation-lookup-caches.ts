import type { SharedCaches } from '../../lib/shared-caches';
import { cached } from '../../lib/ttl-cache';
import type { UsersStore } from '../users/index';
import type { VisitorsService } from '../visitors/index';
import { readVisitorContext } from '../visitors/index';

export type PlaybookNames = { nameOf(playbookId: string): Promise<string | null> };
/** Team names (issue 19, modules/availability). */
export type TeamNames = { nameOf(teamId: string): Promise<string | null> };

/**
 * What every conversation DTO shows beside its row, from memory: the assignee, the playbook, the
 * team and the visitor. Users and visitors are shared caches (lib/shared-caches.ts): their changes
 * show at once on every process; playbook and team names within seconds.
 */
export function createLookupCaches(deps: {
  visitors: VisitorsService;
  users: UsersStore;
  playbookNames: PlaybookNames;
  teamNames?: TeamNames;
  caches: SharedCaches;
}) {
  const { visitors, users, playbookNames, teamNames, caches } = deps;
  const userById = async (id: string) => {
    const u = await users.recentById(id);
    return u ? { id: u.id, name: u.name, avatarUrl: u.avatar_url } : null;
  };
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
  // Every page a visitor opens changes their context (conversation-chat.ts `recordContext` forgets it).
  const visitorById = caches.cached(
    'visitors',
    async (id: string) => {
      const [v] = await visitors.findManyByIds([id]);
      return v ? { id: v.id, number: v.number, context: readVisitorContext(v) } : null;
    },
    { max: 20_000 },
  );
  return { userById, playbookById, teamById, visitorById };
}
