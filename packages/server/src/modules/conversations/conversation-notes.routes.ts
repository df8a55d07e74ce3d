import { ZMessageDto, ZNoteRequest } from '@charla/protocol';
import type { App } from '../../http/app-type';
import { requireUser } from '../../http/route-config';
import type { ConversationsService } from './conversations.service';
import { ZConversationParams } from './conversation-params';

/** Private notes with @mentions (issue 16, R29). */
export function registerConversationNoteRoutes(app: App, conversations: ConversationsService): void {
  app.post(
    '/api/v1/conversations/:conversationId/notes',
    {
      config: {
        auth: 'user',
        errors: ['CONVERSATION_NOT_FOUND', 'NOTE_EMPTY', 'NOTE_TOO_LONG', 'MENTION_USER_UNKNOWN'],
      },
      schema: {
        tags: ['conversations'],
        summary:
          'Write a private note (users only, never the visitor); `mentions` lets those users read the conversation and notifies them. A repeated clientMsgId returns the stored note',
        params: ZConversationParams,
        body: ZNoteRequest,
        response: { 201: ZMessageDto },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await conversations.addNote(requireUser(request), request.params.conversationId, request.body)),
  );
}
