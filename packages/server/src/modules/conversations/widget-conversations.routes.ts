import { ZMessagesPageDto, ZMessagesQuery, ZVisitorConversationDto } from '@charla/protocol';
import { z } from 'zod';
import type { App } from '../../http/app-type';
import { AppError } from '../../lib/app-error';
import { requireVisitor } from '../../http/route-config';
import type { Services } from '../../services';
import { ZConversationParams } from './conversation-params';

/** REST for visitors: the widget session, and their own conversations and timelines. */
export function registerWidgetConversationRoutes(
  app: App,
  services: Pick<Services, 'conversations' | 'visitors' | 'widgetSessions'>,
): void {
  const { conversations } = services;

  app.post(
    '/api/v1/widget/session',
    {
      config: { auth: 'public', errors: ['RATE_LIMITED'] },
      schema: {
        tags: ['widget'],
        summary:
          'Resume a visitor by token, or issue a new visitor token (a token the server did not issue is never accepted)',
        body: z.strictObject({ visitorToken: z.string().max(200).optional() }),
        response: {
          200: z.object({ visitorToken: z.string(), visitorId: z.string(), created: z.boolean() }),
        },
      },
    },
    async (request, reply) => {
      if (!(await services.widgetSessions.take(request.ip))) throw new AppError('RATE_LIMITED');
      const { token, visitor, created } = await services.visitors.resume(
        request.body.visitorToken,
        request.headers['user-agent'] ?? null,
      );
      void reply.header('cache-control', 'no-store');
      return { visitorToken: token, visitorId: visitor.id, created };
    },
  );

  app.get(
    '/api/v1/widget/conversations',
    {
      config: { auth: 'visitor' },
      schema: {
        tags: ['widget'],
        summary: 'The visitor’s own conversations (Authorization: Visitor <token>)',
        response: { 200: z.array(ZVisitorConversationDto) },
      },
    },
    async (request) => conversations.listForVisitor(requireVisitor(request).id),
  );

  app.get(
    '/api/v1/widget/conversations/:conversationId/messages',
    {
      config: { auth: 'visitor', errors: ['CONVERSATION_NOT_FOUND'] },
      schema: {
        tags: ['widget'],
        summary: 'The visitor’s timeline after a sequence number',
        params: ZConversationParams,
        querystring: ZMessagesQuery,
        response: { 200: ZMessagesPageDto },
      },
    },
    async (request) =>
      conversations.messagesForVisitor(
        requireVisitor(request).id,
        request.params.conversationId,
        request.query.afterSeq,
        request.query.limit,
      ),
  );
}
