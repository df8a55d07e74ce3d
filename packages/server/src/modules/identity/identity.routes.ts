import {
  ZIdentifyRequest,
  ZIdentifyResponse,
  ZIdentitySettingsDto,
  ZPutVerifiedIdentityRequest,
  ZRotatedIdentitySecretDto,
  ZUpdateIdentitySettingsRequest,
  ZUserId,
  ZVerifiedIdentityDto,
} from '@charla/protocol';
import { z } from 'zod';
import type { App } from '../../http/app-type';
import { requireVisitor } from '../../http/route-config';
import type { IdentitySettings } from './identity-settings';
import type { IdentityService } from './identity.service';

const ZUserIdParams = z.strictObject({ userId: ZUserId });

/** The identity secret and switch (admins), `Charla.identify()` (widget), verified users (REST). */
export function registerIdentityRoutes(
  app: App,
  identity: IdentityService,
  settings: IdentitySettings,
): void {
  registerSecretRoutes(app, settings);
  registerWidgetIdentityRoutes(app, identity);
  registerVerifiedUserRoutes(app, identity);
}

function registerSecretRoutes(app: App, settings: IdentitySettings): void {
  app.get(
    '/api/v1/settings/identity',
    {
      config: { auth: 'admin' },
      schema: {
        tags: ['settings'],
        summary:
          'Signed visitor identity: whether it is required, the grace period, the secrets (last four characters only)',
        response: { 200: ZIdentitySettingsDto },
      },
    },
    async () => settings.get(),
  );

  app.put(
    '/api/v1/settings/identity',
    {
      config: { auth: 'admin' },
      schema: {
        tags: ['settings'],
        summary:
          'Require verified identity for Charla.identify(), or change the grace period of rotated secrets',
        body: ZUpdateIdentitySettingsRequest,
        response: { 200: ZIdentitySettingsDto },
      },
    },
    async (request) => settings.update(request.body),
  );

  app.post(
    '/api/v1/settings/identity/rotate',
    {
      config: { auth: 'admin' },
      schema: {
        tags: ['settings'],
        summary:
          'Create a new identity secret (shown only in this answer); the previous one verifies until its grace period ends',
        body: z.strictObject({}).nullish(),
        response: { 200: ZRotatedIdentitySecretDto },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return settings.rotate();
    },
  );
}

function registerWidgetIdentityRoutes(app: App, identity: IdentityService): void {
  app.post(
    '/api/v1/widget/identify',
    {
      config: {
        auth: 'visitor',
        errors: [
          'IDENTITY_HASH_INVALID',
          'IDENTITY_VERIFICATION_REQUIRED',
          'IDENTITY_EMAIL_CHANGED',
          'IDENTITY_ATTRIBUTE_CHANGED',
          'IDENTITY_SECRET_EXPOSED',
          'CONFLICT',
        ],
      },
      schema: {
        tags: ['widget'],
        summary:
          'Charla.identify(): a userId with userHash = HMAC-SHA256(secret, userId) is verified and shares one history across devices; without them the identity is unverified',
        body: ZIdentifyRequest,
        response: { 200: ZIdentifyResponse },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return identity.identify(requireVisitor(request), request.body, request.headers['user-agent'] ?? null);
    },
  );

  app.delete(
    '/api/v1/widget/session',
    {
      config: { auth: 'visitor' },
      schema: {
        tags: ['widget'],
        summary: 'Charla.reset(): the token a verified user’s device was given stops working',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const header = request.headers.authorization ?? '';
      await identity.forgetDeviceToken(header.slice('Visitor '.length).trim());
      return reply.status(204).send(null);
    },
  );
}

function registerVerifiedUserRoutes(app: App, identity: IdentityService): void {
  app.get(
    '/api/v1/visitor-identities/:userId',
    {
      config: { auth: 'user', errors: ['IDENTITY_NOT_FOUND'] },
      schema: {
        tags: ['visitors'],
        summary: 'A verified visitor by your userId: name, email and custom attributes',
        params: ZUserIdParams,
        response: { 200: ZVerifiedIdentityDto },
      },
    },
    async (request) => identity.getVerified(request.params.userId),
  );

  app.put(
    '/api/v1/visitor-identities/:userId',
    {
      config: { auth: 'admin', errors: ['IDENTITY_NOT_FOUND'] },
      schema: {
        tags: ['visitors'],
        summary:
          'From your server: change a verified visitor’s name, email (the browser cannot) or attributes (merged over the stored ones)',
        params: ZUserIdParams,
        body: ZPutVerifiedIdentityRequest,
        response: { 200: ZVerifiedIdentityDto },
      },
    },
    async (request) => identity.putVerified(request.params.userId, request.body),
  );

  app.get(
    '/api/v1/crm/persons/:personId/verified-identities',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['crm'],
        summary:
          'The verified users (signed Charla.identify()) a CRM person is: met in a linked conversation with one of the person’s emails',
        params: z.strictObject({ personId: z.string().min(1).max(64) }),
        response: { 200: z.array(ZVerifiedIdentityDto) },
      },
    },
    async (request) => identity.verifiedOfPerson(request.params.personId),
  );
}
