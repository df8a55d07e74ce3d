import {
  notificationEvents,
  type TChannelSwitches,
  type TCompanyNotificationSettingsDto,
  type TMyNotificationSettingsDto,
  type TNotificationEvent,
  type TUpdateMyNotificationSettingsRequest,
} from '@charla/protocol';

/** What a user changed; anything absent follows the company default. */
export type TUserNotificationOverrides = Partial<Record<TNotificationEvent, Partial<TChannelSwitches>>>;

export const defaultCompanyNotificationSettings: TCompanyNotificationSettingsDto = {
  conversation_unassigned: 'on',
  conversation_assigned: 'on',
  visitor_message: 'on',
  mention: 'on',
};

/** A user's effective switches (R24): disabled by the company wins; otherwise their choice, else the default. */
export function effectiveNotificationSettings(
  company: TCompanyNotificationSettingsDto,
  overrides: TUserNotificationOverrides,
): TMyNotificationSettingsDto {
  const one = (event: TNotificationEvent) => {
    const mode = company[event] ?? 'on';
    if (mode === 'disabled')
      return { inApp: false, push: false, sound: false, disabled: true, companyDefault: mode };
    const fallback = mode === 'on';
    const own = overrides[event] ?? {};
    return {
      inApp: own.inApp ?? fallback,
      push: own.push ?? fallback,
      sound: own.sound ?? fallback,
      disabled: false,
      companyDefault: mode,
    };
  };
  return {
    conversation_unassigned: one('conversation_unassigned'),
    conversation_assigned: one('conversation_assigned'),
    visitor_message: one('visitor_message'),
    mention: one('mention'),
  };
}

/** Applies a partial update to a user's stored choices. */
export function mergeNotificationOverrides(
  current: TUserNotificationOverrides,
  patch: TUpdateMyNotificationSettingsRequest,
): TUserNotificationOverrides {
  const next: TUserNotificationOverrides = { ...current };
  for (const event of notificationEvents) {
    const change = patch[event];
    if (!change) continue;
    const defined = Object.fromEntries(
      Object.entries(change).filter(([, v]) => v !== undefined),
    ) as Partial<TChannelSwitches>;
    next[event] = { ...current[event], ...defined };
  }
  return next;
}
