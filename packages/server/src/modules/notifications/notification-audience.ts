import type { NotificationIntent } from './decide-notification';

type Active = { active: number };

/**
 * The active users a notification is for, reading only what it needs: one user by id for a
 * one-user audience (a visitor's message, an assignment), the whole list only for everyone or a team.
 */
export async function loadAudience<U extends { id: string } & Active>(
  audience: NotificationIntent['audience'],
  users: { findById(id: string): Promise<U | null>; listAll(): Promise<U[]> },
  teamMemberIds: (teamId: string) => Promise<string[]>,
): Promise<U[]> {
  if ('userId' in audience) {
    const user = await users.findById(audience.userId);
    return user && user.active === 1 ? [user] : [];
  }
  const active = (await users.listAll()).filter((u) => u.active === 1);
  return audienceOf(audience, active, teamMemberIds);
}

/**
 * The active users a notification is for: everyone, one user, or a team's members (issue 19; a
 * team with no active member falls back to everyone, so a routed chat never goes unheard).
 */
export async function audienceOf<U extends { id: string }>(
  audience: NotificationIntent['audience'],
  active: U[],
  teamMemberIds: (teamId: string) => Promise<string[]>,
): Promise<U[]> {
  if ('everyone' in audience) return active;
  if ('userId' in audience) return active.filter((u) => u.id === audience.userId);
  const members = new Set(await teamMemberIds(audience.teamId));
  const team = active.filter((u) => members.has(u.id));
  return team.length > 0 ? team : active;
}
