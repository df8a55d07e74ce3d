import { ZSendTranscriptRequest, ZTranscriptQueuedDto, ZVisitorTranscriptRequest } from '@charla/protocol';
import { z } from 'zod';
import type { App } from '../../http/app-type';
import { requireUser, requireVisitor } from '../../http/route-config';
import { AppError } from '../../lib/app-error';
import type { SharedLimiter } from '../../lib/shared-limits';
import type { ConversationsService } from '../conversations/index';
import type { ConversationSource } from './conversation-source';
import type { Transcripts } from './transcripts';

const ZConversationParams = z.strictObject({ conversationId: z.string().min(1).max(64) });

export type TranscriptRouteDeps = {
  conversations: Pick<ConversationsService, 'getDtoForUser' | 'getForVisitor'>;
  source: ConversationSource;
  transcripts: Transcripts;
  /** Per user and per visitor: a transcript is a mail to any address, so it is rationed. */
  limiter: SharedLimiter;
};

/** "Email transcript" from the inbox (any address) and from the widget (the visitor's own). */
export function registerTranscriptRoutes(app: App, deps: TranscriptRouteDeps): void {
  app.post(
    '/api/v1/conversations/:conversationId/transcript',
    {
      config: {
        auth: 'user',
        errors: ['CONVERSATION_NOT_FOUND', 'MAIL_ADDRESS_INVALID', 'RATE_LIMITED'],
      },
      schema: {
        tags: ['conversations'],
        summary: 'Email the conversation’s transcript to any address (HTML and plain text)',
        params: ZConversationParams,
        body: ZSendTranscriptRequest,
        response: { 202: ZTranscriptQueuedDto },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      // R14: a conversation the user may not see is a 404 before anything else happens.
      const conversation = await deps.conversations.getDtoForUser(user, request.params.conversationId);
      if (!(await deps.limiter.take(`user:${user.id}`))) throw new AppError('RATE_LIMITED');
      const { to, language } = request.body;
      return reply.status(202).send(await deps.transcripts.send(conversation, to, language));
    },
  );

  app.post(
    '/api/v1/widget/conversations/:conversationId/transcript',
    {
      config: {
        auth: 'visitor',
        errors: ['CONVERSATION_NOT_FOUND', 'MAIL_ADDRESS_INVALID', 'TRANSCRIPT_NO_ADDRESS', 'RATE_LIMITED'],
      },
      schema: {
        tags: ['widget'],
        summary: 'The visitor asks for their transcript by email (to the address they gave, or `to`)',
        params: ZConversationParams,
        body: ZVisitorTranscriptRequest,
        response: { 202: ZTranscriptQueuedDto },
      },
    },
    async (request, reply) => {
      const visitor = requireVisitor(request);
      const id = request.params.conversationId;
      await deps.conversations.getForVisitor(visitor.id, id); // only their own conversation
      const conversation = await deps.source.find(id);
      if (!conversation) throw new AppError('CONVERSATION_NOT_FOUND');
      const to = request.body.to ?? conversation.visitor.email;
      if (!to) throw new AppError('TRANSCRIPT_NO_ADDRESS');
      if (!(await deps.limiter.take(`visitor:${visitor.id}`))) throw new AppError('RATE_LIMITED');
      return reply.status(202).send(await deps.transcripts.send(conversation, to));
    },
  );
}
