import {
  ZConversationDto,
  ZMessageDto,
  ZReadRequest,
  ZReassignRequest,
  ZSendMessageRequest,
} from '@charla/protocol';
import { z } from 'zod';
import type { App } from '../../http/app-type';
import { requireUser } from '../../http/route-config';
import type { ConversationsService } from './conversations.service';
import { ZConversationParams } from './conversation-params';

const tags = ['conversations'];

/** What any lifecycle step on a conversation may answer (assign, reassign, close). */
const TRANSITION_ERRORS = [
  'CONVERSATION_NOT_FOUND',
  'CONVERSATION_CLOSED',
  'CONVERSATION_ALREADY_ASSIGNED',
  'INVALID_TRANSITION',
  'CONFLICT',
] as const;

/** REST for users: send, assign to me, reassign, close, mark read. */
export function registerConversationActionRoutes(app: App, conversations: ConversationsService): void {
  registerMessageRoutes(app, conversations);
  registerAssignmentRoutes(app, conversations);
}

/** Send a message as the assignee, and mark read. */
function registerMessageRoutes(app: App, conversations: ConversationsService): void {
  app.post(
    '/api/v1/conversations/:conversationId/messages',
    {
      config: {
        auth: 'user',
        errors: [
          'CONVERSATION_NOT_FOUND',
          'CONVERSATION_CLOSED',
          'INVALID_TRANSITION',
          'ATTACHMENT_NOT_FOUND',
        ],
      },
      schema: {
        tags,
        summary:
          'Send a message as the assigned user, with the ids of files uploaded first (`attachments`, the body then an optional caption); a repeated clientMsgId returns the stored message',
        params: ZConversationParams,
        body: ZSendMessageRequest,
        response: { 201: ZMessageDto },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          (
            await conversations.userMessage(
              requireUser(request),
              request.params.conversationId,
              request.body.clientMsgId,
              request.body.body,
              request.body.attachments,
            )
          ).message,
        ),
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
      const user = requireUser(request);
      await conversations.markUserRead(user, request.params.conversationId, request.body.seq);
      return reply.status(204).send(null);
    },
  );
}

/** Assign to me, reassign (or back to Unassigned), close. */
function registerAssignmentRoutes(app: App, conversations: ConversationsService): void {
  app.post(
    '/api/v1/conversations/:conversationId/assign',
    {
      config: {
        auth: 'user',
        errors: [...TRANSITION_ERRORS, 'WAITING_TIME_OVER'],
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
        errors: [...TRANSITION_ERRORS, 'USER_NOT_FOUND', 'WAITING_TIME_OVER'],
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
        errors: [...TRANSITION_ERRORS],
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
}
