import {
  ZConversationDto,
  ZFollowUpSettingsDto,
  ZUpdateFollowUpSettingsRequest,
  type TFollowUpSettingsDto,
  ZFollowUpExchangeDto,
  ZFollowUpExchangeRequest,
  ZInboundMailResultDto,
  ZLanguage,
  ZSendMessageRequest,
} from '@charla/protocol';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../http/app-type';
import { requireUser } from '../../http/route-config';
import { AppError } from '../../lib/app-error';
import type { SharedLimiter } from '../../lib/shared-limits';
import { CHAT_CONTINUE_SCRIPT, renderChatPage } from './chat-page';
import type { ConversationMail } from './conversation-mail';
import { MAX_INBOUND_BYTES, parseProviderInbound, parseRawInbound } from './inbound-parse';

export type FollowUpRouteDeps = {
  conversationMail: ConversationMail;
  publicUrl: string;
  replyTo: string | null;
  companyName: () => Promise<string>;
  /** New visitor sessions per address: opening a link is one. */
  sessions: SharedLimiter;
};

const RAW_TYPES = new Set(['message/rfc822']);

function mediaType(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The hosted "continue your chat" page, the link exchange, a user's follow-up of a closed chat. */
export function registerFollowUpRoutes(app: App, deps: FollowUpRouteDeps): void {
  const { followUps } = deps.conversationMail;
  app.get(
    '/chat',
    {
      schema: {
        hide: true,
        querystring: z.object({ lang: ZLanguage.catch('en').default('en') }).passthrough(),
      },
    },
    async (request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('Cache-Control', 'no-store')
        .header('Referrer-Policy', 'no-referrer')
        .header(
          'Content-Security-Policy',
          "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; base-uri 'none'",
        )
        .send(renderChatPage(await deps.companyName(), request.query.lang)),
  );
  app.get('/chat/continue.js', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('Cache-Control', 'no-cache')
      .send(CHAT_CONTINUE_SCRIPT),
  );

  app.post(
    '/api/v1/widget/follow-up',
    {
      config: {
        auth: 'public',
        errors: ['FOLLOW_UP_LINK_INVALID', 'FOLLOW_UP_LINK_EXPIRED', 'RATE_LIMITED'],
      },
      schema: {
        tags: ['widget'],
        summary:
          'Exchange a follow-up mail’s signed link for a token of the same visitor and its conversation',
        body: ZFollowUpExchangeRequest,
        response: { 200: ZFollowUpExchangeDto },
      },
    },
    async (request, reply) => {
      if (!(await deps.sessions.take(request.ip))) throw new AppError('RATE_LIMITED');
      void reply.header('cache-control', 'no-store');
      return followUps.exchange(request.body.link);
    },
  );

  app.post(
    '/api/v1/conversations/:conversationId/follow-up',
    {
      config: {
        auth: 'user',
        errors: ['CONVERSATION_NOT_FOUND', 'INVALID_TRANSITION', 'VISITOR_NO_EMAIL'],
      },
      schema: {
        tags: ['conversations'],
        summary:
          'Follow up a closed chat (e.g. missed) by email: a NEW conversation assigned to you, linked to it (R20)',
        params: z.strictObject({ conversationId: z.string().min(1).max(64) }),
        body: ZSendMessageRequest,
        response: { 201: ZConversationDto },
      },
    },
    async (request, reply) => {
      const { clientMsgId, body } = request.body;
      const dto = await deps.conversationMail.followUpClosed(
        requireUser(request),
        request.params.conversationId,
        clientMsgId,
        body,
      );
      return reply.status(201).send(dto);
    },
  );

  registerInboundRoute(app, deps.conversationMail);
  registerFollowUpSettingsRoutes(app, deps);
}

function registerFollowUpSettingsRoutes(app: App, deps: FollowUpRouteDeps): void {
  const { followUps, keys } = deps.conversationMail;
  const view = async (): Promise<TFollowUpSettingsDto> => ({
    ...(await followUps.readSettings()),
    replyTo: deps.replyTo,
    inboundUrl: `${deps.publicUrl}/api/v1/mail/inbound`,
    inboundSecret: (await keys()).inboundSecret,
  });
  const schema = { tags: ['mail'], response: { 200: ZFollowUpSettingsDto } };
  app.get(
    '/api/v1/admin/mail/follow-up',
    {
      config: { auth: 'admin' },
      schema: {
        ...schema,
        summary: 'Follow-up by email: on/off, delay, reply address, inbound URL and secret',
      },
    },
    view,
  );
  app.put(
    '/api/v1/admin/mail/follow-up',
    {
      config: { auth: 'admin' },
      schema: {
        ...schema,
        summary: 'Turn follow-up by email on or off and set its delay',
        body: ZUpdateFollowUpSettingsRequest,
      },
    },
    async (request) => {
      await followUps.saveSettings(request.body);
      return view();
    },
  );
}

/** Inbound mail: raw MIME or the provider's JSON, after the install's secret. */
function registerInboundRoute(app: App, conversationMail: ConversationMail): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser('message/rfc822', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      '/api/v1/mail/inbound',
      {
        bodyLimit: MAX_INBOUND_BYTES,
        config: {
          auth: 'public',
          errors: [
            'INBOUND_SECRET_INVALID',
            'INBOUND_MAIL_TOO_LARGE',
            'INBOUND_MAIL_INVALID',
            'INBOUND_MAIL_UNROUTABLE',
            'CONVERSATION_CLOSED',
            'UNSUPPORTED_MEDIA_TYPE',
          ],
        },
        schema: {
          tags: ['mail'],
          summary:
            'A visitor’s email reply: raw MIME (message/rfc822) or the provider’s inbound JSON; secret in X-Charla-Inbound-Secret or ?secret=',
          querystring: z.strictObject({ secret: z.string().max(200).optional() }),
          body: z.unknown(),
          response: { 200: ZInboundMailResultDto },
        },
        onRequest: async (request) => {
          const type = mediaType(request);
          if (!RAW_TYPES.has(type) && type !== 'application/json')
            throw new AppError('UNSUPPORTED_MEDIA_TYPE');
          const header = request.headers['x-charla-inbound-secret'];
          const query = (request.query as { secret?: unknown }).secret;
          const given = typeof header === 'string' ? header : typeof query === 'string' ? query : undefined;
          await conversationMail.inbound.verifySecret(given);
          if (Number(request.headers['content-length'] ?? 0) > MAX_INBOUND_BYTES)
            throw new AppError('INBOUND_MAIL_TOO_LARGE');
        },
      },
      async (request) => {
        const body = request.body;
        const mail = Buffer.isBuffer(body)
          ? await parseRawInbound(body)
          : body && typeof body === 'object'
            ? parseProviderInbound(body)
            : null;
        if (!mail) throw new AppError('INBOUND_MAIL_INVALID');
        return conversationMail.inbound.receive(mail);
      },
    );
  });
}
