import type { NotificationIntent } from './decide-notification';

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
