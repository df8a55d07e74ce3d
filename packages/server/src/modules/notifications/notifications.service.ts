import type {
  TCompanyNotificationSettingsDto,
  TConversationDto,
  TLanguage,
  TMyNotificationSettingsDto,
  TNotificationDto,
  TPushDeviceResultDto,
  TPushPayload,
  TPushSubscriptionDto,
  TPushSubscriptionRequest,
  TTestNotificationResultDto,
  TUpdateMyNotificationSettingsRequest,
} from '@charla/protocol';
import type { FastifyBaseLogger } from 'fastify';
import { isIP } from 'node:net';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import type { DomainEvents } from '../../lib/domain-events';
import { newId } from '../../lib/ids';
import { isPrivateAddress } from '../../lib/is-private-address';
import { fromJsonColumn, toJsonColumn } from '../../lib/json';
import type { Bus } from '../../realtime/bus';
import type { SettingsStore } from '../settings/settings.store';
import type { UsersStore } from '../users/users.store';
import { isStillNotifiable, type NotificationIntent } from './decide-notification';
import {
  defaultCompanyNotificationSettings,
  effectiveNotificationSettings,
  mergeNotificationOverrides,
  type TUserNotificationOverrides,
} from './notification-preferences';
import { notificationText } from './notification-text';
import { audienceOf } from './notification-audience';
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
import { vapidSubject, type VapidKeys } from './vapid-keys';

export const COMPANY_NOTIFICATIONS_KEY = 'notifications.defaults';
/**
 * Browsers get a new endpoint whenever they renew a subscription and rarely tell the old one
 * goodbye; beyond this many devices per user the least recently subscribed are dropped.
 */
export const MAX_PUSH_SUBSCRIPTIONS_PER_USER = 10;

export type NotificationsDeps = {
  store: NotificationsStore;
  users: UsersStore;
  settings: SettingsStore;
  bus: Bus;
  clock: Clock;
  log: FastifyBaseLogger;
  publicUrl: string;
  vapidKeys: () => Promise<VapidKeys>;
  /** The admin setting that also lets webhooks reach private targets (tests use local receivers). */
  allowPrivateTargets: () => Promise<boolean>;
  /** Told after each delivery (the email digest listens: issue 20). */
  events?: DomainEvents;
};

type Recipient = { id: string; language: TLanguage };

/** Notification settings, push subscriptions, and delivering a notification in-app and by Web Push (R21–R24). */
export function createNotificationsService(deps: NotificationsDeps) {
  const { store, users, settings, bus, clock, log } = deps;

  async function getCompanySettings(): Promise<TCompanyNotificationSettingsDto> {
    return {
      ...defaultCompanyNotificationSettings,
      ...(await settings.get<Partial<TCompanyNotificationSettingsDto>>(COMPANY_NOTIFICATIONS_KEY, {})),
    };
  }

  async function overridesOf(userIds: string[]): Promise<Map<string, TUserNotificationOverrides>> {
    const raw = await store.getPreferences(userIds);
    return new Map([...raw].map(([id, json]) => [id, fromJsonColumn<TUserNotificationOverrides>(json, {})]));
  }

  async function assertAllowedEndpoint(endpoint: string): Promise<void> {
    const url = new URL(endpoint);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const allowPrivate = await deps.allowPrivateTargets();
    const localTestReceiver = url.protocol === 'http:' && host === '127.0.0.1' && allowPrivate;
    if (url.protocol !== 'https:' && !localTestReceiver) throw new AppError('PUSH_ENDPOINT_FORBIDDEN');
    if (url.username || url.password || (!allowPrivate && isIP(host) && isPrivateAddress(host)))
      throw new AppError('PUSH_ENDPOINT_FORBIDDEN');
  }

  function toNotificationDto(
    kind: TNotificationDto['kind'],
    conversation: TConversationDto | null,
    language: TLanguage,
  ): TNotificationDto {
    return {
      id: newId(),
      kind,
      conversationId: conversation?.id ?? null,
      ...notificationText(kind, conversation, language),
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
    recipients: Recipient[],
    make: (language: TLanguage) => TNotificationDto,
  ): Promise<void> {
    for (const language of ['en', 'es'] as const) {
      const userIds = recipients.filter((r) => r.language === language).map((r) => r.id);
      if (userIds.length > 0) await bus.publish({ type: 'notify', userIds, notification: make(language) });
    }
  }

  /**
   * Web Push to every device of these users, at most PUSH_CONCURRENCY at a time, each within
   * PUSH_TIMEOUT_MS; subscriptions the push service says are gone (404/410) are removed.
   */
  async function pushTo(
    recipients: Recipient[],
    make: (language: TLanguage) => TNotificationDto,
    deliveredTo?: Set<string>,
  ): Promise<TPushDeviceResultDto[]> {
    const languageOf = new Map(recipients.map((r) => [r.id, r.language]));
    const subscriptions = await store.listSubscriptions([...languageOf.keys()]);
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
      const result = await pushOne(s, payloadFor(languageOf.get(s.user_id) ?? 'en'), options);
      if (result.outcome === 'delivered') deliveredTo?.add(s.user_id);
      return result;
    });
  }

  async function pushOne(
    subscription: PushSubscriptionRow,
    payload: TPushPayload,
    options: Parameters<typeof sendWebPush>[2],
  ): Promise<TPushDeviceResultDto> {
    let result: PushOutcome;
    try {
      result = outcomeOfStatus(
        await withDeadline(sendWebPush(subscription, payload, options), PUSH_TIMEOUT_MS),
      );
      if (result.outcome === 'expired') await store.deleteSubscriptionById(subscription.id);
    } catch (error) {
      log.debug({ err: error, subscription: subscription.id }, 'web push failed');
      result = outcomeOfError(error);
    }
    return {
      subscriptionId: subscription.id,
      endpointOrigin: new URL(subscription.endpoint).origin,
      userAgent: subscription.user_agent,
      ...result,
    };
  }

  return {
    getCompanySettings,
    async setCompanySettings(
      input: TCompanyNotificationSettingsDto,
    ): Promise<TCompanyNotificationSettingsDto> {
      await settings.set(COMPANY_NOTIFICATIONS_KEY, input, clock.now());
      return getCompanySettings();
    },
    async getMySettings(userId: string): Promise<TMyNotificationSettingsDto> {
      return effectiveNotificationSettings(
        await getCompanySettings(),
        (await overridesOf([userId])).get(userId) ?? {},
      );
    },
    async updateMySettings(
      userId: string,
      patch: TUpdateMyNotificationSettingsRequest,
    ): Promise<TMyNotificationSettingsDto> {
      const merged = mergeNotificationOverrides((await overridesOf([userId])).get(userId) ?? {}, patch);
      await store.setPreferences(userId, toJsonColumn(merged), clock.now());
      return effectiveNotificationSettings(await getCompanySettings(), merged);
    },
    async vapidPublicKey(): Promise<string> {
      return (await deps.vapidKeys()).publicKey;
    },
    async subscribe(
      userId: string,
      input: TPushSubscriptionRequest,
      userAgent: string,
    ): Promise<TPushSubscriptionDto> {
      await assertAllowedEndpoint(input.endpoint);
      const now = clock.now();
      const row: PushSubscriptionRow = {
        id: newId(),
        user_id: userId,
        endpoint: input.endpoint,
        p256dh: input.keys.p256dh,
        auth: input.keys.auth,
        user_agent: userAgent.slice(0, 300),
        created_at: now,
        updated_at: now,
      };
      await store.upsertSubscription(row);
      await store.trimSubscriptions(userId, MAX_PUSH_SUBSCRIPTIONS_PER_USER);
      const stored =
        (await store.listSubscriptions([userId])).find((s) => s.endpoint === input.endpoint) ?? row;
      return toSubscriptionDto(stored);
    },
    async unsubscribe(userId: string, endpoint: string): Promise<void> {
      await store.deleteSubscription(userId, endpoint);
    },
    async listSubscriptions(userId: string): Promise<TPushSubscriptionDto[]> {
      return (await store.listSubscriptions([userId])).map(toSubscriptionDto);
    },
    /** "Send a test notification": in-app and to every device of mine, whatever my settings say. */
    async sendTest(userId: string): Promise<TTestNotificationResultDto> {
      const user = await users.findById(userId);
      if (!user) throw new AppError('USER_NOT_FOUND');
      const recipients = [{ id: user.id, language: user.language }];
      const make = (language: TLanguage) => toNotificationDto('test', null, language);
      await publishInApp(recipients, make);
      const results = await pushTo(recipients, make);
      const count = (outcome: TPushDeviceResultDto['outcome']) =>
        results.filter((r) => r.outcome === outcome).length;
      return {
        devices: results.length,
        delivered: count('delivered'),
        expired: count('expired'),
        failed: count('failed'),
        results,
      };
    },
    /**
     * Delivers one decided notification: recipients are re-checked against the conversation as
     * it is now (R14), then filtered by their effective settings per channel.
     */
    async deliver(intent: NotificationIntent): Promise<{ inApp: string[]; push: string[] }> {
      const active = (await users.listAll()).filter((u) => u.active === 1);
      const audience = await audienceOf(intent.audience, active, store.teamMemberIds);
      const current = await store.findConversationState(intent.conversation.id);
      const visible = audience.filter((u) => isStillNotifiable(intent.kind, current, u.id));
      if (visible.length === 0) return { inApp: [], push: [] };
      const company = await getCompanySettings();
      const overrides = await overridesOf(visible.map((u) => u.id));
      const switches = (id: string) =>
        effectiveNotificationSettings(company, overrides.get(id) ?? {})[intent.kind];
      const inApp = visible
        .filter((u) => switches(u.id).inApp)
        .map((u) => ({ id: u.id, language: u.language }));
      const push = visible
        .filter((u) => switches(u.id).push)
        .map((u) => ({ id: u.id, language: u.language }));
      const make = (language: TLanguage) => toNotificationDto(intent.kind, intent.conversation, language);
      await publishInApp(inApp, make);
      const pushed = new Set<string>();
      await pushTo(push, make, pushed);
      deps.events?.emit('notification.delivered', {
        kind: intent.kind,
        conversationId: intent.conversation.id,
        recipients: visible.filter((u) => !switches(u.id).disabled).map((u) => u.id),
        pushed: [...pushed],
      });
      return { inApp: inApp.map((r) => r.id), push: push.map((r) => r.id) };
    },
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;

function toSubscriptionDto(row: PushSubscriptionRow): TPushSubscriptionDto {
  return {
    id: row.id,
    endpointOrigin: new URL(row.endpoint).origin,
    userAgent: row.user_agent,
    createdAt: row.created_at,
  };
}
