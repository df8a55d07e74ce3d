import {
  ZConversationSearchQuery,
  ZConversationSearchResult,
  ZCrmFullTextQuery,
  ZCrmSearchResult,
} from '@charla/protocol';
import type { App } from '../../http/app-type';
import { requireUser } from '../../http/route-config';
import type { SearchService } from './search.service';

export function registerSearchRoutes(app: App, search: SearchService): void {
  app.get(
    '/api/v1/search/conversations',
    {
      config: { auth: 'user', errors: ['LABEL_UNKNOWN'] },
      schema: {
        tags: ['conversations'],
        summary: 'Search every conversation you may see: messages, visitor, side panel, linked records',
        description:
          'Every word must match (case and accents ignored: "garcia" finds "García"; the last word also as a prefix). Conversations whose person matches come first, then those with a matching message, each ranked by relevance, with one excerpt whose matched words are flagged (`match: true`). Assigned conversations of other users are never returned (R14).',
        querystring: ZConversationSearchQuery,
        response: { 200: ZConversationSearchResult },
      },
    },
    async (request) => search.conversations(request.query, requireUser(request)),
  );

  app.get(
    '/api/v1/search/crm',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['crm'],
        summary: 'Search every text field of persons, organizations, leads, deals, activities and notes',
        description:
          'Every word must match (case and accents ignored, the last word also as a prefix); ranked by relevance, each hit with an excerpt whose matched words are flagged.',
        querystring: ZCrmFullTextQuery,
        response: { 200: ZCrmSearchResult },
      },
    },
    async (request) => search.crm(request.query),
  );
}
