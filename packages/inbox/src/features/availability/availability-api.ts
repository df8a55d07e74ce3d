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
const own = (playbookId: string) => `/admin/playbooks/${encodeURIComponent(playbookId)}/business-hours`;

/** REST calls of business hours, teams and capacity (issue 19). */
export const availabilityApi = {
  hours: () => api.get<TBusinessHoursDto>('/business-hours'),
  saveHours: (body: TBusinessHours) => api.put<TBusinessHoursDto>('/admin/business-hours', body),
  // "Back at" in the schedule's own time zone, as the weekly grid above it is written.
  status: (language: TLanguage, playbookId?: string) =>
    api.get<TBusinessHoursStatusDto>('/business-hours/status', { language, playbookId }),
  override: (playbookId: string) => api.get<{ override: TBusinessHoursDto | null }>(`${own(playbookId)}`),
  saveOverride: (playbookId: string, body: TBusinessHours) =>
    api.put<TBusinessHoursDto>(own(playbookId), body),
  deleteOverride: (playbookId: string) => api.delete<void>(own(playbookId)),
  teams: () => api.get<TTeamDto[]>('/teams'),
  createTeam: (body: TTeamRequest) => api.post<TTeamDto>('/admin/teams', body),
  updateTeam: (id: string, body: TTeamRequest) => api.put<TTeamDto>(team(id), body),
  deleteTeam: (id: string) => api.delete<void>(team(id)),
  userRouting: () => api.get<TUserRoutingDto[]>('/admin/users/routing'),
  setCapacity: (userId: string, capacity: number | null) =>
    api.put<TUserRoutingDto>(`/admin/users/${encodeURIComponent(userId)}/capacity`, { capacity }),
};
