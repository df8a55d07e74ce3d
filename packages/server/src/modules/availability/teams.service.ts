import type { TTeamDto, TTeamRequest } from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import { newId } from '../../lib/ids';
import type { UsersStore } from '../users/index';
import type { AvailabilityStore, TeamRow } from './availability.store';

function toTeamDto(team: TeamRow): TTeamDto {
  return { id: team.id, name: team.name, memberIds: team.memberIds, createdAt: Number(team.created_at) };
}

/** Teams (named groups of users a live chat card can route to) and per-user capacity (issue 19). */
export function createTeamsService(deps: { store: AvailabilityStore; users: UsersStore; clock: Clock }) {
  const { store, users, clock } = deps;

  async function getTeam(id: string): Promise<TeamRow> {
    const team = id.length <= 64 ? await store.findTeam(id) : null;
    if (!team) throw new AppError('TEAM_NOT_FOUND');
    return team;
  }

  /** Members must be active users; each once. */
  async function assertMembers(memberIds: string[]): Promise<string[]> {
    const unique = [...new Set(memberIds)];
    for (const id of unique) {
      const user = await users.findById(id);
      if (!user || user.active !== 1) throw new AppError('USER_NOT_FOUND', { details: { userId: id } });
    }
    return unique;
  }

  async function save(id: string | null, input: TTeamRequest): Promise<TTeamDto> {
    const nameKey = input.name.toLowerCase();
    const clash = await store.findTeamByName(nameKey);
    if (clash && clash.id !== id) throw new AppError('TEAM_NAME_TAKEN');
    const existing = id === null ? null : await getTeam(id);
    const members = await assertMembers(input.memberIds);
    const now = clock.now();
    const row = {
      id: existing?.id ?? newId(),
      name: input.name,
      name_key: nameKey,
      created_at: existing ? Number(existing.created_at) : now,
      updated_at: now,
    };
    await store.saveTeam(row, members, existing === null);
    return toTeamDto(await getTeam(row.id));
  }

  return {
    async list(): Promise<TTeamDto[]> {
      return (await store.listTeams()).map(toTeamDto);
    },
    async get(id: string): Promise<TTeamDto> {
      return toTeamDto(await getTeam(id));
    },
    create: (input: TTeamRequest) => save(null, input),
    update: (id: string, input: TTeamRequest) => save(id, input),
    async remove(id: string): Promise<void> {
      if (!(await store.deleteTeam(id.slice(0, 64)))) throw new AppError('TEAM_NOT_FOUND');
    },
    async exists(id: string): Promise<boolean> {
      return id.length <= 64 && (await store.findTeam(id)) !== null;
    },
  };
}
export type TeamsService = ReturnType<typeof createTeamsService>;
