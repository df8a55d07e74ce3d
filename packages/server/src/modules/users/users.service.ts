import type { TLanguage } from '@charla/protocol';
import type { TCreateUserRequest, TUpdateUserRequest, TUserDto, TUserSummaryDto } from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import { type AuthService, createUserRow } from '../auth/index';
import type { PresenceService } from '../presence/index';
import type { UserRow, UsersStore } from './users.store';

export function toUserDto(row: UserRow, online: boolean): TUserDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active === 1,
    avatarUrl: row.avatar_url,
    language: row.language,
    onlineSwitch: row.online_switch === 1,
    online,
    createdAt: row.created_at,
  };
}

export function toUserSummaryDto(row: UserRow, online: boolean): TUserSummaryDto {
  return {
    id: row.id,
    name: row.name,
    avatarUrl: row.avatar_url,
    role: row.role,
    active: row.active === 1,
    online,
  };
}

export function createUsersService(deps: {
  users: UsersStore;
  auth: AuthService;
  presence: PresenceService;
  clock: Clock;
}) {
  const { users, auth, presence, clock } = deps;

  async function getUser(id: string): Promise<UserRow> {
    const row = await users.findById(id);
    if (!row) throw new AppError('USER_NOT_FOUND');
    return row;
  }

  async function getDto(id: string): Promise<TUserDto> {
    const online = await presence.onlineUserIds();
    const row = await getUser(id);
    return toUserDto(row, online.has(id));
  }

  return {
    getUser,
    getDto,
    async listDtos(): Promise<TUserDto[]> {
      const online = await presence.onlineUserIds();
      return (await users.listAll()).map((r) => toUserDto(r, online.has(r.id)));
    },
    async listSummaries(): Promise<TUserSummaryDto[]> {
      const online = await presence.onlineUserIds();
      return (await users.listAll()).map((r) => toUserSummaryDto(r, online.has(r.id)));
    },
    async create(input: TCreateUserRequest): Promise<TUserDto> {
      const row = await createUserRow(users, clock, input);
      return toUserDto(row, false);
    },
    /** Admin edits; the last active admin cannot be demoted or deactivated; deactivation ends sessions at once. */
    async update(id: string, patch: TUpdateUserRequest): Promise<TUserDto> {
      const row = await getUser(id);
      const losesAdmin =
        row.role === 'admin' && row.active === 1 && (patch.role === 'regular' || patch.active === false);
      if (losesAdmin && (await users.countActiveAdmins()) <= 1) throw new AppError('LAST_ADMIN');
      await users.update(id, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.role !== undefined ? { role: patch.role } : {}),
        ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
        ...(patch.active === false ? { online_switch: 0 } : {}),
        updated_at: clock.now(),
      });
      if (patch.active === false) await auth.revokeAllSessions(id);
      return getDto(id);
    },
    async updateMe(
      id: string,
      patch: { name?: string; avatarUrl?: string | null; language?: TLanguage },
    ): Promise<TUserDto> {
      await users.update(id, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.avatarUrl !== undefined ? { avatar_url: patch.avatarUrl } : {}),
        ...(patch.language !== undefined ? { language: patch.language } : {}),
        updated_at: clock.now(),
      });
      return getDto(id);
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
