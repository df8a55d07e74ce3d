import { z } from 'zod';
import { notificationEvents } from './api-names';

/** The events a user can be notified about (R22), and a private note mentioning them (issue 16). */
export const ZNotificationEvent = z.enum(notificationEvents);
export type TNotificationEvent = z.infer<typeof ZNotificationEvent>;

/**
 * Channels: `inApp` — a notice in the open inbox; `push` — a desktop/system notification, through
 * Web Push on every subscribed device (and the browser Notification API while the tab is hidden);
 * `sound` — the inbox plays a sound with the in-app notice.
 */
export const ZNotificationChannel = z.enum(['inApp', 'push', 'sound']);
export type TNotificationChannel = z.infer<typeof ZNotificationChannel>;

export const ZChannelSwitches = z.object({ inApp: z.boolean(), push: z.boolean(), sound: z.boolean() });
export type TChannelSwitches = z.infer<typeof ZChannelSwitches>;

/** Company default per event (R24): on by default, off by default, or disabled for everyone. */
export const ZNotificationDefaultMode = z.enum(['on', 'off', 'disabled']);
export type TNotificationDefaultMode = z.infer<typeof ZNotificationDefaultMode>;

export const ZCompanyNotificationSettingsDto = z.strictObject({
  conversation_unassigned: ZNotificationDefaultMode,
  conversation_assigned: ZNotificationDefaultMode,
  visitor_message: ZNotificationDefaultMode,
  /** Absent in a request: unchanged (settings saved before mentions existed). */
  mention: ZNotificationDefaultMode.optional(),
});
export type TCompanyNotificationSettingsDto = z.infer<typeof ZCompanyNotificationSettingsDto>;

export const ZMyNotificationEventSettings = ZChannelSwitches.extend({
  /** True when an admin switched this event off for everyone; the switches are then all false. */
  disabled: z.boolean(),
  companyDefault: ZNotificationDefaultMode,
});

/** A user's effective settings: their own choices over the company defaults. */
export const ZMyNotificationSettingsDto = z.object({
  conversation_unassigned: ZMyNotificationEventSettings,
  conversation_assigned: ZMyNotificationEventSettings,
  visitor_message: ZMyNotificationEventSettings,
  mention: ZMyNotificationEventSettings,
});
export type TMyNotificationSettingsDto = z.infer<typeof ZMyNotificationSettingsDto>;

const ZChannelPatch = z.strictObject({
  inApp: z.boolean().optional(),
  push: z.boolean().optional(),
  sound: z.boolean().optional(),
});

/** Partial: only the given switches change. */
export const ZUpdateMyNotificationSettingsRequest = z.strictObject({
  conversation_unassigned: ZChannelPatch.optional(),
  conversation_assigned: ZChannelPatch.optional(),
  visitor_message: ZChannelPatch.optional(),
  mention: ZChannelPatch.optional(),
});
export type TUpdateMyNotificationSettingsRequest = z.infer<typeof ZUpdateMyNotificationSettingsRequest>;

const ZBase64Url = z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/, 'Must be base64url');

/** What `PushSubscription.toJSON()` gives in the browser. */
export const ZPushSubscriptionRequest = z.strictObject({
  endpoint: z.string().trim().max(2000).url(),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({
    /** The browser's P-256 public key: 65 bytes, base64url. */
    p256dh: ZBase64Url.min(86).max(90),
    /** 16-byte auth secret, base64url. */
    auth: ZBase64Url.min(22).max(24),
  }),
});
export type TPushSubscriptionRequest = z.infer<typeof ZPushSubscriptionRequest>;

export const ZDeletePushSubscriptionRequest = z.strictObject({ endpoint: z.string().trim().max(2000) });

export const ZPushSubscriptionDto = z.object({
  id: z.string(),
  endpointOrigin: z.string(),
  userAgent: z.string(),
  createdAt: z.number(),
});
export type TPushSubscriptionDto = z.infer<typeof ZPushSubscriptionDto>;

export const ZVapidPublicKeyDto = z.object({ publicKey: z.string() });

/** What happened to one device's Web Push: `expired` means the push service said 404/410 and we removed it. */
export const ZPushDeviceResultDto = z.object({
  subscriptionId: z.string(),
  endpointOrigin: z.string(),
  userAgent: z.string(),
  outcome: z.enum(['delivered', 'expired', 'failed']),
  /** The push service's HTTP status; null when it did not answer (timeout, network error, refused address). */
  statusCode: z.number().nullable(),
  error: z.string().nullable(),
});
export type TPushDeviceResultDto = z.infer<typeof ZPushDeviceResultDto>;

export const ZTestNotificationResultDto = z.object({
  devices: z.number(),
  delivered: z.number(),
  expired: z.number(),
  failed: z.number(),
  results: z.array(ZPushDeviceResultDto),
});
export type TTestNotificationResultDto = z.infer<typeof ZTestNotificationResultDto>;

/** The decrypted JSON of every Web Push message; the service worker shows it and opens `url` on click. */
export const ZPushPayload = z.object({
  kind: z.enum(['conversation_unassigned', 'conversation_assigned', 'visitor_message', 'mention', 'test']),
  title: z.string(),
  body: z.string(),
  conversationId: z.string().nullable(),
  /** Path inside the inbox, e.g. `/conversations/<id>` (or `/` for the test). */
  url: z.string(),
});
export type TPushPayload = z.infer<typeof ZPushPayload>;
