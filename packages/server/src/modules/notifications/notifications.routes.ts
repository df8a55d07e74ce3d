import {
  ZCompanyNotificationSettingsDto,
  ZDeletePushSubscriptionRequest,
  ZMyNotificationSettingsDto,
  ZPushSubscriptionDto,
  ZPushSubscriptionRequest,
  ZTestNotificationResultDto,
  ZUpdateMyNotificationSettingsRequest,
  ZVapidPublicKeyDto,
} from '@charla/protocol';
import { z } from 'zod';
import type { App } from '../../http/app-type';
import { requireUser } from '../../http/route-config';
import type { Services } from '../../services';

const tags = ['notifications'];
const pushPayload =
  'Web Push messages carry JSON `{ kind, title, body, conversationId, url }` (aes128gcm, VAPID); `url` is the inbox path to open on click.';

export function registerNotificationsRoutes(app: App, services: Services): void {
  registerPushRoutes(app, services);
  registerNotificationSettingsRoutes(app, services);
}

/** Web Push: the public key and the user's browser subscriptions. */
function registerPushRoutes(app: App, services: Services): void {
  const { notifications } = services;

  app.get(
    '/api/v1/notifications/vapid-public-key',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'The VAPID public key for PushManager.subscribe (applicationServerKey, base64url)',
        response: { 200: ZVapidPublicKeyDto },
      },
    },
    async () => ({ publicKey: await notifications.vapidPublicKey() }),
  );

  app.get(
    '/api/v1/me/push-subscriptions',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'My devices that receive Web Push',
        response: { 200: z.array(ZPushSubscriptionDto) },
      },
    },
    async (request) => notifications.listSubscriptions(requireUser(request).id),
  );
  app.post(
    '/api/v1/me/push-subscriptions',
    {
      config: { auth: 'user', errors: ['PUSH_ENDPOINT_FORBIDDEN'] },
      schema: {
        tags,
        summary: 'Register this device (PushSubscription.toJSON()); idempotent per endpoint',
        description: pushPayload,
        body: ZPushSubscriptionRequest,
        response: { 201: ZPushSubscriptionDto },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await notifications.subscribe(
            requireUser(request).id,
            request.body,
            request.headers['user-agent'] ?? '',
          ),
        ),
  );
  app.delete(
    '/api/v1/me/push-subscriptions',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Stop Web Push to this device',
        body: ZDeletePushSubscriptionRequest,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await notifications.unsubscribe(requireUser(request).id, request.body.endpoint);
      return reply.status(204).send(null);
    },
  );
}

/** Each user's notification settings, the company's, and a test notification. */
function registerNotificationSettingsRoutes(app: App, services: Services): void {
  const { notifications } = services;

  app.get(
    '/api/v1/me/notification-settings',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'My effective notification switches per event, with the company defaults',
        response: { 200: ZMyNotificationSettingsDto },
      },
    },
    async (request) => notifications.getMySettings(requireUser(request).id),
  );
  app.put(
    '/api/v1/me/notification-settings',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Change some of my switches (events disabled by an admin stay off)',
        body: ZUpdateMyNotificationSettingsRequest,
        response: { 200: ZMyNotificationSettingsDto },
      },
    },
    async (request) => notifications.updateMySettings(requireUser(request).id, request.body),
  );
  app.post(
    '/api/v1/me/notifications/test',
    {
      config: { auth: 'user', errors: ['USER_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Send a test notification in-app and to all my devices',
        description: pushPayload,
        response: { 200: ZTestNotificationResultDto },
      },
    },
    async (request) => notifications.sendTest(requireUser(request).id),
  );

  app.get(
    '/api/v1/admin/settings/notifications',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: 'Company notification defaults per event: on, off, or disabled for everyone',
        response: { 200: ZCompanyNotificationSettingsDto },
      },
    },
    async () => notifications.getCompanySettings(),
  );
  app.put(
    '/api/v1/admin/settings/notifications',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: 'Change the company notification defaults',
        body: ZCompanyNotificationSettingsDto,
        response: { 200: ZCompanyNotificationSettingsDto },
      },
    },
    async (request) => notifications.setCompanySettings(request.body),
  );
}
