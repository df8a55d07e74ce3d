import type { TWebhookSettingsDto } from '@charla/protocol';
import type { SettingsStore } from '../settings/index';

export const WEBHOOK_SETTINGS_KEY = 'webhooks.settings';
const DEFAULT_SETTINGS: TWebhookSettingsDto = { allowPrivateWebhookTargets: false };

/** The admin's webhook settings; `allowPrivateWebhookTargets` also governs Web Push endpoints. */
export async function readWebhookSettings(settings: SettingsStore): Promise<TWebhookSettingsDto> {
  return {
    ...DEFAULT_SETTINGS,
    ...(await settings.get<Partial<TWebhookSettingsDto>>(WEBHOOK_SETTINGS_KEY, {})),
  };
}
