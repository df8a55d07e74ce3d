import type {
  TCompanyNotificationSettingsDto,
  TConversationDto,
  TLanguage,
  TMessageDto,
  TNotificationDto,
  TPushDeviceResultDto,
  TPushPayload,
  TTestNotificationResultDto,
} from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import { loadAudience } from './notification-audience';
import type { Clock } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { fromJsonColumn } from '../../lib/json';
import type { Bus } from '../../realtime/bus';
import type { SettingsStore } from '../settings/index';
import { isStillNotifiable, type NotificationIntent } from './decide-notification';
import {
  defaultCompanyNotificationSettings,
  effectiveNotificationSettings,
  type TUserNotificationOverrides,
} from './notification-preferences';
import { notificationText } from './notification-text';
import type { NotificationsDeps } from './notifications.service';
import type { NotificationsStore, PushSubscriptionRow } from './notifications.store';
import {
  mapWithConcurrency,
  outcomeOfError,
  outcomeOfStatus,
  PUSH_CONCURRENCY,
  withDeadline,
  type PushOutcome,
} from './push-dispatch';
import { PUSH_TIMEOUT_MS, sendWebPush } from './push-sender';
import { vapidSubject } from './vapid-keys';

// Delivering a notification in-app (the bus) and by Web Push (R21–R24); the service binds these.

export const COMPANY_NOTIFICATIONS_KEY = 'notifications.defaults';

type Recipient = { id: string; language: TLanguage };

type StoredCompanySettings = Partial<TCompanyNotificationSettingsDto>;

/** What the company saved, over the defaults. */
const withDefaults = (stored: StoredCompanySettings): TCompanyNotificationSettingsDto => ({
  ...defaultCompanyNotificationSettings,
  ...stored,
});

/** Each user's saved overrides, parsed. */
const parseOverrides = (raw: Map<string, string>): Map<string, TUserNotificationOverrides> =>
  new Map([...raw].map(([id, json]) => [id, fromJsonColumn<TUserNotificationOverrides>(json, {})]));

export async function getCompanySettings(settings: SettingsStore): Promise<TCompanyNotificationSettingsDto> {
  return withDefaults(await settings.get<StoredCompanySettings>(COMPANY_NOTIFICATIONS_KEY, {}));
}

export async function overridesOf(
  store: NotificationsStore,
  userIds: string[],
): Promise<Map<string, TUserNotificationOverrides>> {
  return parseOverrides(await store.getPreferences(userIds));
}

function toNotificationDto(
  clock: Clock,
  kind: TNotificationDto['kind'],
  conversation: TConversationDto | null,
  language: TLanguage,
  message?: TMessageDto,
): TNotificationDto {
  return {
    id: newId(),
    kind,
    conversationId: conversation?.id ?? null,
    ...notificationText(kind, conversation, language, message),
    createdAt: clock.now(),
  };
}

function toPushPayload(notification: TNotificationDto): TPushPayload {
  const { kind, title, body, conversationId } = notification;
  return {
    kind,
    title,
    body,
    conversationId,
    url: conversationId ? `/conversations/${conversationId}` : '/',
  };
}

async function publishInApp(
  bus: Bus,
  recipients: Recipient[],
  make: (language: TLanguage) => TNotificationDto,
): Promise<void> {
  // Every language a recipient reads (pt-BR, fr and de too, R26).
  for (const language of new Set(recipients.map((r) => r.language))) {
    const userIds = recipients.filter((r) => r.language === language).map((r) => r.id);
    if (userIds.length > 0) await bus.publish({ type: 'notify', userIds, notification: make(language) });
  }
}

/**
 * Web Push to every device of these users, at most PUSH_CONCURRENCY at a time, each within
 * PUSH_TIMEOUT_MS; subscriptions the push service says are gone (404/410) are removed.
 */
async function pushTo(
  deps: NotificationsDeps,
  recipients: Recipient[],
  make: (language: TLanguage) => TNotificationDto,
  subscriptions: PushSubscriptionRow[],
  deliveredTo?: Set<string>,
): Promise<TPushDeviceResultDto[]> {
  const languageOf = new Map(recipients.map((r) => [r.id, r.language]));
  if (subscriptions.length === 0) return [];
  const options = {
    vapid: await deps.vapidKeys(),
    subject: vapidSubject(deps.publicUrl),
    allowPrivate: await deps.allowPrivateTargets(),
  };
  const payloads = new Map<TLanguage, TPushPayload>();
  const payloadFor = (language: TLanguage) =>
    payloads.get(language) ?? payloads.set(language, toPushPayload(make(language))).get(language)!;
  return mapWithConcurrency(subscriptions, PUSH_CONCURRENCY, async (s) => {
    const result = await pushOne(deps, s, payloadFor(languageOf.get(s.user_id) ?? 'en'), options);
    if (result.outcome === 'delivered') deliveredTo?.add(s.user_id);
    return result;
  });
}

async function pushOne(
  deps: NotificationsDeps,
  subscription: PushSubscriptionRow,
  payload: TPushPayload,
  options: Parameters<typeof sendWebPush>[2],
): Promise<TPushDeviceResultDto> {
  let result: PushOutcome;
  try {
    result = outcomeOfStatus(
      await withDeadline(sendWebPush(subscription, payload, options), PUSH_TIMEOUT_MS),
    );
    if (result.outcome === 'expired') await deps.store.deleteSubscriptionById(subscription.id);
  } catch (error) {
    deps.log.debug({ err: error, subscription: subscription.id }, 'web push failed');
    result = outcomeOfError(error);
  }
  return {
    subscriptionId: subscription.id,
    endpointOrigin: new URL(subscription.endpoint).origin,
    userAgent: subscription.user_agent,
    ...result,
  };
}

/** "Send a test notification": in-app and to every device of mine, whatever my settings say. */
export async function sendTest(deps: NotificationsDeps, userId: string): Promise<TTestNotificationResultDto> {
  const user = await deps.users.findById(userId);
  if (!user) throw new AppError('USER_NOT_FOUND');
  const recipients = [{ id: user.id, language: user.language }];
  const make = (language: TLanguage) => toNotificationDto(deps.clock, 'test', null, language);
  await publishInApp(deps.bus, recipients, make);
  const results = await pushTo(deps, recipients, make, await deps.store.listSubscriptions([user.id]));
  const count = (outcome: TPushDeviceResultDto['outcome']) =>
    results.filter((r) => r.outcome === outcome).length;
  return {
    devices: results.length,
    delivered: count('delivered'),
    expired: count('expired'),
    failed: count('failed'),
    results,
  };
}

/**
 * Delivers one decided notification: recipients are re-checked against the conversation as
 * it is now (R14), then filtered by their effective settings per channel.
 */
export async function deliver(
  deps: NotificationsDeps,
  intent: NotificationIntent,
): Promise<{ inApp: string[]; push: string[] }> {
  const users = { findById: deps.users.recentById, listAll: () => deps.users.listAll() };
  const audience = await loadAudience(intent.audience, users, deps.teamMemberIds);
  const current = await deps.conversations.stateOf(intent.conversation.id);
  const visible = audience.filter((u) => isStillNotifiable(intent.kind, current, u.id));
  if (visible.length === 0) return { inApp: [], push: [] };
  // Read for every notification, so from memory when recent (a change made here shows at once;
  // the test notification and the settings screens read them fresh).
  const company = withDefaults(
    await deps.settings.recent<StoredCompanySettings>(COMPANY_NOTIFICATIONS_KEY, {}),
  );
  const overrides = parseOverrides(await deps.store.recentPreferences(visible.map((u) => u.id)));
  const switches = (id: string) =>
    effectiveNotificationSettings(company, overrides.get(id) ?? {})[intent.kind];
  const inApp = visible.filter((u) => switches(u.id).inApp).map((u) => ({ id: u.id, language: u.language }));
  const push = visible.filter((u) => switches(u.id).push).map((u) => ({ id: u.id, language: u.language }));
  const make = (language: TLanguage) =>
    toNotificationDto(deps.clock, intent.kind, intent.conversation, language, intent.message);
  await publishInApp(deps.bus, inApp, make);
  const pushed = new Set<string>();
  const devices = await deps.store.recentSubscriptions(push.map((r) => r.id));
  await pushTo(deps, push, make, devices, pushed);
  deps.events?.emit('notification.delivered', {
    kind: intent.kind,
    conversationId: intent.conversation.id,
    recipients: visible.filter((u) => !switches(u.id).disabled).map((u) => u.id),
    pushed: [...pushed],
  });
  return { inApp: inApp.map((r) => r.id), push: push.map((r) => r.id) };
}
