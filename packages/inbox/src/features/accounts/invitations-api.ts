import type { TInvitationDto, TInvitationSentDto, TInviteUserRequest } from '@charla/protocol';
import { api } from '../../lib/api-client';

const one = (id: string) => `/admin/invitations/${encodeURIComponent(id)}`;

/** REST calls of the invitations panel (admins only; the server refuses everyone else). */
export const invitationsApi = {
  list: () => api.get<TInvitationDto[]>('/admin/invitations'),
  invite: (body: TInviteUserRequest) => api.post<TInvitationSentDto>('/admin/invitations', body),
  resend: (id: string) => api.post<TInvitationSentDto>(`${one(id)}/resend`),
  revoke: (id: string) => api.delete<void>(one(id)),
};
