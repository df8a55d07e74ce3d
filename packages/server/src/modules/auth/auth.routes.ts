// The cookie methods on request and reply come from @fastify/cookie's type augmentation.
import type {} from '@fastify/cookie';
import {
  ZChangePasswordRequest,
  ZLoginRequest,
  ZSessionDto,
  ZSetOnlineRequest,
  ZSetupRequest,
  ZSetupStatusDto,
  ZUpdateMeRequest,
  ZUserDto,
} from '@charla/protocol';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../http/app-type';
import { SESSION_COOKIE } from '../../http/guards';
import { requireUser } from '../../http/route-config';
import type { Services } from '../../services';
import { SESSION_TTL_MS } from './auth.service';

const tags = ['auth'];

/** The signed session cookie (login, setup, accepted invitation); Secure when served over https. */
export function setSessionCookie(reply: FastifyReply, token: string, publicUrl: string): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: publicUrl.startsWith('https://'),
    signed: true,
    maxAge: SESSION_TTL_MS / 1000,
  });
}

const meta = (request: FastifyRequest) => ({
  userAgent: request.headers['user-agent'] ?? '',
  ip: request.ip,
});

export function registerAuthRoutes(app: App, services: Services): void {
  registerSessionRoutes(app, services);
  registerMeRoutes(app, services);
  registerMySessionsRoutes(app, services);
}

/** First-admin setup, login and logout. */
function registerSessionRoutes(app: App, services: Services): void {
  const { auth, users, config } = services;

  app.get(
    '/api/v1/setup',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Whether the first admin still has to be created',
        response: { 200: ZSetupStatusDto },
      },
    },
    async () => ({
      needsSetup: await auth.needsSetup(),
    }),
  );

  app.post(
    '/api/v1/setup',
    {
      config: { auth: 'public', errors: ['SETUP_ALREADY_DONE', 'SETUP_TOKEN_INVALID', 'EMAIL_TAKEN'] },
      schema: {
        tags,
        summary: 'Create the first admin with the one-time setup token',
        body: ZSetupRequest,
        response: { 201: ZUserDto },
      },
    },
    async (request, reply) => {
      const { user, token } = await auth.completeSetup(request.body, meta(request));
      const { companyName, language } = request.body;
      if (companyName || language)
        await services.settings.set(
          'company',
          {
            ...(companyName ? { name: companyName } : {}),
            ...(language ? { defaultLanguage: language } : {}),
          },
          services.clock.now(),
        );
      // The seeded pipeline and stages are named in the language chosen on the setup screen.
      if (language) await services.crm.pipelines.localizeSeed(language);
      // So does the starter playbook, seeded in English at install, if nobody has touched it.
      if (language) await services.playbooks.localizeStarter(language);
      setSessionCookie(reply, token, config.publicUrl);
      return reply.status(201).send(await users.getDto(user.id));
    },
  );

  app.post(
    '/api/v1/auth/login',
    {
      config: { auth: 'public', errors: ['INVALID_CREDENTIALS', 'RATE_LIMITED'] },
      schema: {
        tags,
        summary: 'Log in; sets the session cookie',
        body: ZLoginRequest,
        response: { 200: ZUserDto },
      },
    },
    async (request, reply) => {
      const { user, token } = await auth.login(request.body.email, request.body.password, meta(request));
      setSessionCookie(reply, token, config.publicUrl);
      return users.getDto(user.id);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { auth: 'user' }, schema: { tags, summary: 'End this session', response: { 204: z.null() } } },
    async (request, reply) => {
      const user = requireUser(request);
      await auth.logout(user.sessionId, user.id);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
}

/** My profile, my online switch and my password. */
function registerMeRoutes(app: App, services: Services): void {
  const { users, presence } = services;

  app.get(
    '/api/v1/me',
    {
      config: { auth: 'user' },
      schema: { tags, summary: 'The logged-in user', response: { 200: ZUserDto } },
    },
    async (request) => users.getDto(requireUser(request).id),
  );

  app.patch(
    '/api/v1/me',
    {
      config: { auth: 'user' },
      schema: { tags, summary: 'Edit my profile', body: ZUpdateMeRequest, response: { 200: ZUserDto } },
    },
    async (request) => users.updateMe(requireUser(request).id, request.body),
  );

  app.put(
    '/api/v1/me/online',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'My online/offline switch (R10)',
        body: ZSetOnlineRequest,
        response: { 200: ZUserDto },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await presence.setSwitch(user.id, request.body.online);
      return users.getDto(user.id);
    },
  );

  app.post(
    '/api/v1/me/password',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Change my password; ends my other sessions',
        body: ZChangePasswordRequest,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      // The accounts module also tells the user's address (issue 20).
      await services.accounts.profile.changePassword(
        requireUser(request),
        request.body.currentPassword,
        request.body.newPassword,
      );
      return reply.status(204).send(null);
    },
  );
}

/** My sessions: list and revoke. */
function registerMySessionsRoutes(app: App, services: Services): void {
  const { auth } = services;

  app.get(
    '/api/v1/me/sessions',
    {
      config: { auth: 'user' },
      schema: { tags, summary: 'My sessions', response: { 200: z.array(ZSessionDto) } },
    },
    async (request) => {
      const user = requireUser(request);
      return auth.listSessions(user.id, user.sessionId);
    },
  );

  app.delete(
    '/api/v1/me/sessions/:sessionId',
    {
      config: { auth: 'user', errors: ['SESSION_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Revoke one of my sessions',
        params: z.strictObject({ sessionId: z.string().max(128) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await auth.revokeSession(requireUser(request).id, request.params.sessionId);
      return reply.status(204).send(null);
    },
  );
}
