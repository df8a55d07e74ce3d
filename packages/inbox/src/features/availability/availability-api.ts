import type {
  TBusinessHours,
  TBusinessHoursDto,
  TBusinessHoursStatusDto,
  TLanguage,
  TTeamDto,
  TTeamRequest,
  TUserRoutingDto,
} from '@charla/protocol';
import { api } from '../../lib/api-client';

const team = (id: string) => `/admin/teams/${encodeURIComponent(id)}`;

/** REST calls of business hours, teams and capacity (issue 19). */
export const availabilityApi = {
  hours: () => api.get<TBusinessHoursDto>('/business-hours'),
  saveHours: (body: TBusinessHours) => api.put<TBusinessHoursDto>('/admin/business-hours', body),
  status: (language: TLanguage) =>
    api.get<TBusinessHoursStatusDto>('/business-hours/status', {
      language,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    }),
  teams: () => api.get<TTeamDto[]>('/teams'),
  createTeam: (body: TTeamRequest) => api.post<TTeamDto>('/admin/teams', body),
  updateTeam: (id: string, body: TTeamRequest) => api.put<TTeamDto>(team(id), body),
  deleteTeam: (id: string) => api.delete<void>(team(id)),
  userRouting: () => api.get<TUserRoutingDto[]>('/admin/users/routing'),
  setCapacity: (userId: string, capacity: number | null) =>
    api.put<TUserRoutingDto>(`/admin/users/${encodeURIComponent(userId)}/capacity`, { capacity }),
};
