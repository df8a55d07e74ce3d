import {
  ZConversationDto,
  ZFolderCountsDto,
  ZListConversationsQuery,
  ZMessageDto,
  ZMessagesPageDto,
  ZMessagesQuery,
  ZPage,
  ZReadRequest,
  ZReassignRequest,
  ZSendMessageRequest,
  ZVisitorConversationDto,
} from '@charla/protocol';
import { z } from 'zod';
import type { App } from '../../http/app-type';
import { AppError } from '../../lib/app-error';
import { requireUser, requireVisitor } from '../../http/route-config';
import type { Services } from '../../services';

const tags = ['conversations'];
const ZConversationParams = z.strictObject({ conversationId: z.string().min(1).max(64) });

/** REST for users (inbox) and for visitors (widget session, their own conversations). */
export function registerConversationsRoutes(app: App, services: Services): void {
  const { conversations } = services;

  app.get(
    '/api/v1/conversations',
    {
      config: { auth: 'user', errors: ['INVALID_CURSOR'] },
      schema: {
        tags,
        summary: 'A folder of conversations (Unassigned, Mine, Closed) the caller may see',
        querystring: ZListConversationsQuery,
        response: { 200: ZPage(ZConversationDto) },
      },
    },
    async (request) => conversations.listFolder(requireUser(request), request.query),
  );

  app.get(
    '/api/v1/conversations/counts',
    {
      config: { auth: 'user' },
      schema: { tags, summary: 'Live folder counts', response: { 200: ZFolderCountsDto } },
    },
    async (request) => conversations.counts(requireUser(request)),
  );

  app.get(
    '/api/v1/conversations/:conversationId',
    {
      config: { auth: 'user', errors: ['CONVERSATION_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'One conversation (404 when you may not see it)',
        params: ZConversationParams,
        response: { 200: ZConversationDto },
      },
    },
    async (request) => conversations.getDtoForUser(requireUser(request), request.params.conversationId),
  );

  app.get(
    '/api/v1/conversations/:conversationId/messages',
    {
      config: { auth: 'user', errors: ['CONVERSATION_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Timeline after a sequence number (resync)',
        params: ZConversationParams,
        querystring: ZMessagesQuery,
        response: { 200: ZMessagesPageDto },
      },
    },
    async (request) =>
      conversations.messagesForUser(
        requireUser(request),
        request.params.conversationId,
        request.query.afterSeq,
        request.query.limit,
      ),
  );

  app.post(
    '/api/v1/conversations/:conversationId/messages',
    {
      config: {
        auth: 'user',
        errors: ['CONVERSATION_NOT_FOUND', 'CONVERSATION_CLOSED', 'INVALID_TRANSITION'],
      },
      schema: {
        tags,
        summary: 'Send a message as the assigned user; a repeated clientMsgId returns the stored message',
        params: ZConversationParams,
        body: ZSendMessageRequest,
        response: { 201: ZMessageDto },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await conversations.userMessage(
            requireUser(request),
            request.params.conversationId,
            request.body.clientMsgId,
            request.body.body,
          ),
        ),
  );

  app.post(
    '/api/v1/conversations/:conversationId/assign',
    {
      config: {
        auth: 'user',
        errors: [
          'CONVERSATION_NOT_FOUND',
          'CONVERSATION_CLOSED',
          'CONVERSATION_ALREADY_ASSIGNED',
          'INVALID_TRANSITION',
          'CONFLICT',
          'WAITING_TIME_OVER',
        ],
      },
      schema: {
        tags,
        summary: 'Assign to me (409 CONVERSATION_ALREADY_ASSIGNED when someone was faster)',
        params: ZConversationParams,
        response: { 200: ZConversationDto },
      },
    },
    async (request) => conversations.assignToMe(requireUser(request), request.params.conversationId),
  );

  app.post(
    '/api/v1/conversations/:conversationId/reassign',
    {
      config: {
        auth: 'user',
        errors: [
          'CONVERSATION_NOT_FOUND',
          'CONVERSATION_CLOSED',
          'CONVERSATION_ALREADY_ASSIGNED',
          'INVALID_TRANSITION',
          'CONFLICT',
          'USER_NOT_FOUND',
          'WAITING_TIME_OVER',
        ],
      },
      schema: {
        tags,
        summary: 'Reassign to a user, or to Unassigned with userId null',
        params: ZConversationParams,
        body: ZReassignRequest,
        response: { 200: ZConversationDto },
      },
    },
    async (request) =>
      conversations.reassign(requireUser(request), request.params.conversationId, request.body.userId),
  );

  app.post(
    '/api/v1/conversations/:conversationId/close',
    {
      config: {
        auth: 'user',
        errors: [
          'CONVERSATION_NOT_FOUND',
          'CONVERSATION_CLOSED',
          'CONVERSATION_ALREADY_ASSIGNED',
          'INVALID_TRANSITION',
          'CONFLICT',
        ],
      },
      schema: {
        tags,
        summary: 'Close for good (the visitor is told)',
        params: ZConversationParams,
        response: { 200: ZConversationDto },
      },
    },
    async (request) => conversations.close(requireUser(request), request.params.conversationId),
  );

  app.post(
    '/api/v1/conversations/:conversationId/read',
    {
      config: { auth: 'user', errors: ['CONVERSATION_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Mark read up to a sequence number',
        params: ZConversationParams,
        body: ZReadRequest,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const row = await conversations.getVisibleRow(request.params.conversationId, requireUser(request));
      await conversations.markRead('user', row, request.body.seq);
      return reply.status(204).send(null);
    },
  );

  // ---- visitors ----
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
