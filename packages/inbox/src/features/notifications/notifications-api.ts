import type {
  TMyNotificationSettingsDto,
  TPushSubscriptionRequest,
  TTestNotificationResultDto,
  TUpdateMyNotificationSettingsRequest,
  TCompanyNotificationSettingsDto,
} from '@charla/protocol';
import { api } from '../../lib/api-client';

/** The notifications module's REST calls (R21–R24). */
export const notificationsApi = {
  vapidPublicKey: () => api.get<{ publicKey: string }>('/notifications/vapid-public-key'),
  subscribe: (subscription: TPushSubscriptionRequest) =>
    api.post<unknown>('/me/push-subscriptions', subscription),
  unsubscribe: (endpoint: string) => api.delete<unknown>('/me/push-subscriptions', { endpoint }),
  mySettings: () => api.get<TMyNotificationSettingsDto>('/me/notification-settings'),
  updateMySettings: (patch: TUpdateMyNotificationSettingsRequest) =>
    api.put<TMyNotificationSettingsDto>('/me/notification-settings', patch),
  test: () => api.post<TTestNotificationResultDto>('/me/notifications/test'),
  companySettings: () => api.get<TCompanyNotificationSettingsDto>('/admin/settings/notifications'),
  updateCompanySettings: (settings: TCompanyNotificationSettingsDto) =>
    api.put<TCompanyNotificationSettingsDto>('/admin/settings/notifications', settings),
};
