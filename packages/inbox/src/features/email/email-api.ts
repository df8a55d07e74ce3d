import type {
  TLanguage,
  TMailLogEntryDto,
  TMailPreviewDto,
  TMailStatus,
  TMailStatusDto,
  TMailTemplateName,
  TPage,
  TFollowUpSettingsDto,
  TUpdateFollowUpSettingsRequest,
} from '@charla/protocol';
import { api } from '../../lib/api-client';

/** REST calls of Settings → Email (admins only; the server refuses everyone else). */
export const emailApi = {
  status: () => api.get<TMailStatusDto>('/admin/mail'),
  log: (status: TMailStatus | undefined, cursor?: string) =>
    api.get<TPage<TMailLogEntryDto>>('/admin/mail/log', { status, cursor, limit: 25 }),
  preview: (template: TMailTemplateName, language: TLanguage) =>
    api.get<TMailPreviewDto>(`/admin/mail/templates/${encodeURIComponent(template)}/preview`, { language }),
  sendTest: (to: string, language: TLanguage) =>
    api.post<{ id: string; status: TMailStatus }>('/admin/mail/test', { to, language }),
  followUp: () => api.get<TFollowUpSettingsDto>('/admin/mail/follow-up'),
  saveFollowUp: (body: TUpdateFollowUpSettingsRequest) =>
    api.put<TFollowUpSettingsDto>('/admin/mail/follow-up', body),
};
