import {
  ZConversationDto,
  ZFolderCountsDto,
  ZListConversationsQuery,
  ZMessagesPageDto,
  ZPage,
  ZUserMessagesQuery,
} from '@charla/protocol';
import type { App } from '../../http/app-type';
import { requireUser } from '../../http/route-config';
import type { ConversationsService } from './conversations.service';
import { ZConversationParams } from './conversation-params';

const tags = ['conversations'];

/** REST for users: the folders, their counts, one conversation and its timeline. */
export function registerConversationReadRoutes(app: App, conversations: ConversationsService): void {
  app.get(
    '/api/v1/conversations',
    {
      config: { auth: 'user', errors: ['INVALID_CURSOR', 'LABEL_UNKNOWN'] },
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
        summary:
          'Timeline after a sequence number (resync), or the page before one (history; beforeSeq=end: the latest)',
        params: ZConversationParams,
        querystring: ZUserMessagesQuery,
        response: { 200: ZMessagesPageDto },
      },
    },
    async (request) =>
      conversations.messagesForUser(requireUser(request), request.params.conversationId, request.query),
  );
}
