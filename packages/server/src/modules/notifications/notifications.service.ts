import type {
  TCompanyNotificationSettingsDto,
  TMyNotificationSettingsDto,
  TPushSubscriptionDto,
  TPushSubscriptionRequest,
  TUpdateMyNotificationSettingsRequest,
} from '@charla/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { ConversationLookups } from '../conversations/index';
import { isIP } from 'node:net';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import type { DomainEvents } from '../../lib/domain-events';
import { newId } from '../../lib/ids';
import { isPrivateAddress } from '../../lib/is-private-address';
import { toJsonColumn } from '../../lib/json';
import type { Bus } from '../../realtime/bus';
import type { SettingsStore } from '../settings/index';
import type { UsersStore } from '../users/index';
import { type NotificationIntent } from './decide-notification';
import { effectiveNotificationSettings, mergeNotificationOverrides } from './notification-preferences';
import type { NotificationsStore, PushSubscriptionRow } from './notifications.store';
import type { VapidKeys } from './vapid-keys';
import {
  COMPANY_NOTIFICATIONS_KEY,
  deliver,
  getCompanySettings,
  overridesOf,
  sendTest,
} from './notification-delivery';

export { COMPANY_NOTIFICATIONS_KEY } from './notification-delivery';

/**
 * Browsers get a new endpoint whenever they renew a subscription and rarely tell the old one
 * goodbye; beyond this many devices per user the least recently subscribed are dropped.
 */
export const MAX_PUSH_SUBSCRIPTIONS_PER_USER = 10;

export type NotificationsDeps = {
  store: NotificationsStore;
  users: UsersStore;
  /** The conversation as it is now, for the send-time visibility re-check (its owner answers). */
  conversations: Pick<ConversationLookups, 'stateOf'>;
  /** The active members of a team (its owner, modules/availability, answers): a routed chat's audience. */
  teamMemberIds: (teamId: string) => Promise<string[]>;
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

/** Notification settings, push subscriptions, and delivering a notification in-app and by Web Push (R21–R24). */
export function createNotificationsService(deps: NotificationsDeps) {
  const { store, settings, clock } = deps;
  const getCompany = () => getCompanySettings(settings);

  async function assertAllowedEndpoint(endpoint: string): Promise<void> {
    const url = new URL(endpoint);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const allowPrivate = await deps.allowPrivateTargets();
    const localTestReceiver = url.protocol === 'http:' && host === '127.0.0.1' && allowPrivate;
    if (url.protocol !== 'https:' && !localTestReceiver) throw new AppError('PUSH_ENDPOINT_FORBIDDEN');
    if (url.username || url.password || (!allowPrivate && isIP(host) && isPrivateAddress(host)))
      throw new AppError('PUSH_ENDPOINT_FORBIDDEN');
  }

  return {
    getCompanySettings: getCompany,
    async setCompanySettings(
      input: TCompanyNotificationSettingsDto,
    ): Promise<TCompanyNotificationSettingsDto> {
      await settings.set(COMPANY_NOTIFICATIONS_KEY, input, clock.now());
      return getCompany();
    },
    async getMySettings(userId: string): Promise<TMyNotificationSettingsDto> {
      return effectiveNotificationSettings(
        await getCompany(),
        (await overridesOf(store, [userId])).get(userId) ?? {},
      );
    },
    async updateMySettings(
      userId: string,
      patch: TUpdateMyNotificationSettingsRequest,
    ): Promise<TMyNotificationSettingsDto> {
      const merged = mergeNotificationOverrides(
        (await overridesOf(store, [userId])).get(userId) ?? {},
        patch,
      );
      await store.setPreferences(userId, toJsonColumn(merged), clock.now());
      return effectiveNotificationSettings(await getCompany(), merged);
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
    sendTest: (userId: string) => sendTest(deps, userId),
    /** Delivers one decided notification (notification-delivery.ts). */
    deliver: (intent: NotificationIntent) => deliver(deps, intent),
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
