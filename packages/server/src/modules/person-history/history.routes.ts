import { ZConversationHistoryDto } from '@charla/protocol';
import { z } from 'zod';
import type { App } from '../../http/app-type';
import { requireUser } from '../../http/route-config';
import type { HistoryService } from './history.service';

export function registerHistoryRoutes(app: App, history: HistoryService): void {
  app.get(
    '/api/v1/conversations/:id/history',
    {
      config: { auth: 'user', errors: ['CONVERSATION_NOT_FOUND'] },
      schema: {
        tags: ['conversations'],
        summary: 'The person’s history: their other conversations you may see, leads, deals, open activities',
        description:
          'Other conversations of the same visitor, of the linked CRM person or with the same email, newest first, only those you may see (R14); the linked persons’ leads and deals and their activities not done yet. 404 when you may not see this conversation.',
        params: z.strictObject({ id: z.string().min(1).max(64) }),
        response: { 200: ZConversationHistoryDto },
      },
    },
    async (request) => history.forConversation(request.params.id, requireUser(request)),
  );
}
