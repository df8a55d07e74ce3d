import type {
  TApiTokenDto,
  TCompanyNotificationSettingsDto,
  TCompanySettingsDto,
  TCreateApiTokenRequest,
  TCreatedApiTokenDto,
  TCreatedWebhookDto,
  TCreateUserRequest,
  TPage,
  TUpdateUserRequest,
  TUserDto,
  TWebhookDeliveryDto,
  TWebhookDto,
  TWebhookEventName,
  TWebhookSettingsDto,
} from '@charla/protocol';
import { api } from '../../lib/api-client';

const hook = (id: string) => `/admin/webhooks/${encodeURIComponent(id)}`;

/** REST calls of the settings screens (admin writes; the server refuses everyone else). */
export const settingsApi = {
  users: () => api.get<TUserDto[]>('/admin/users'),
  createUser: (body: Omit<TCreateUserRequest, 'language'> & { language?: TCreateUserRequest['language'] }) =>
    api.post<TUserDto>('/admin/users', body),
  updateUser: (id: string, body: TUpdateUserRequest) =>
    api.patch<TUserDto>(`/admin/users/${encodeURIComponent(id)}`, body),
  company: () => api.get<TCompanySettingsDto>('/settings/company'),
  saveCompany: (body: TCompanySettingsDto) => api.put<TCompanySettingsDto>('/settings/company', body),
  companyNotifications: () => api.get<TCompanyNotificationSettingsDto>('/admin/settings/notifications'),
  webhooks: () => api.get<TWebhookDto[]>('/admin/webhooks'),
  createWebhook: (body: { url: string; events: TWebhookEventName[]; description?: string }) =>
    api.post<TCreatedWebhookDto>('/admin/webhooks', body),
  updateWebhook: (id: string, body: { active?: boolean; events?: TWebhookEventName[]; url?: string }) =>
    api.patch<TWebhookDto>(hook(id), body),
  deleteWebhook: (id: string) => api.delete<void>(hook(id)),
  testWebhook: (id: string) => api.post<TWebhookDeliveryDto>(`${hook(id)}/test`),
  deliveries: (id: string, cursor?: string) =>
    api.get<TPage<TWebhookDeliveryDto>>(`${hook(id)}/deliveries`, { cursor, limit: 20 }),
  webhookSettings: () => api.get<TWebhookSettingsDto>('/admin/settings/webhooks'),
  saveWebhookSettings: (body: TWebhookSettingsDto) =>
    api.put<TWebhookSettingsDto>('/admin/settings/webhooks', body),
  apiTokens: () => api.get<TApiTokenDto[]>('/admin/api-tokens'),
  createApiToken: (body: TCreateApiTokenRequest) => api.post<TCreatedApiTokenDto>('/admin/api-tokens', body),
  revokeApiToken: (id: string) => api.delete<void>(`/admin/api-tokens/${encodeURIComponent(id)}`),
};
