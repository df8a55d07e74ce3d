import {
  ZRateConversationRequest,
  ZRatingDto,
  ZRatingListItemDto,
  ZVisitorRatingStateDto,
} from '@charla/protocol';
import { z } from 'zod';
import type { App } from '../../http/app-type';
import { requireVisitor } from '../../http/route-config';
import type { RatingsService } from './ratings.service';

const ZConversationParams = z.strictObject({ conversationId: z.string().min(1).max(64) });

export function registerRatingsRoutes(app: App, ratings: RatingsService): void {
  app.get(
    '/api/v1/widget/conversations/:conversationId/rating',
    {
      config: { auth: 'visitor', errors: ['CONVERSATION_NOT_FOUND'] },
      schema: {
        tags: ['widget'],
        summary: 'Whether the visitor is asked to rate this conversation, on which scale, and their rating',
        params: ZConversationParams,
        response: { 200: ZVisitorRatingStateDto },
      },
    },
    async (request) => ratings.stateForVisitor(requireVisitor(request).id, request.params.conversationId),
  );

  app.put(
    '/api/v1/widget/conversations/:conversationId/rating',
    {
      config: {
        auth: 'visitor',
        errors: [
          'CONVERSATION_NOT_FOUND',
          'RATING_OUT_OF_RANGE',
          'RATING_CONVERSATION_OPEN',
          'RATING_WINDOW_OVER',
          'RATING_NOT_ASKED',
        ],
      },
      schema: {
        tags: ['widget'],
        summary:
          'Rate a closed conversation (1–5; thumbs: 1 or 5) with an optional comment; changeable for 24 h',
        description:
          'Refusals: 422 RATING_OUT_OF_RANGE, 409 RATING_CONVERSATION_OPEN, 409 RATING_WINDOW_OVER, 409 RATING_NOT_ASKED, 404 CONVERSATION_NOT_FOUND (not this visitor’s).',
        params: ZConversationParams,
        body: ZRateConversationRequest,
        response: { 200: ZRatingDto },
      },
    },
    async (request) => ratings.rate(requireVisitor(request).id, request.params.conversationId, request.body),
  );

  app.get(
    '/api/v1/ratings',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['ratings'],
        summary: 'Satisfaction ratings of the conversations linked to a CRM person, newest first',
        querystring: z.strictObject({ personId: z.string().min(1).max(64) }),
        response: { 200: z.array(ZRatingListItemDto) },
      },
    },
    async (request) => ratings.listForPerson(request.query.personId),
  );
}
