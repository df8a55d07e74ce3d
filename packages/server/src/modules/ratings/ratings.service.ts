import {
  ZSatisfactionSurvey,
  type TRateConversationRequest,
  type TRatingDto,
  type TRatingListItemDto,
  type TSatisfactionSurvey,
  type TVisitorRatingStateDto,
} from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import type { DomainEvents } from '../../lib/domain-events';
import type { ConversationAccess } from '../conversations/index';
import { decideRating, ratingDeadline } from './decide-rating';
import type { RatedConversationRow, RatingListRow, RatingRow, RatingsStore } from './ratings.store';

export type RatingsDeps = {
  store: RatingsStore;
  clock: Clock;
  events: DomainEvents;
  conversations: Pick<ConversationAccess, 'appendEvent'>;
};

const PERSON_RATINGS_LIMIT = 100;

export function toRatingDto(row: RatingRow): TRatingDto {
  return {
    conversationId: row.conversation_id,
    scale: row.scale,
    score: row.score,
    comment: row.comment,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    editableUntil: ratingDeadline({ closedAt: null, ratedAt: row.created_at }) ?? row.created_at,
  };
}

function toListItem(row: RatingListRow): TRatingListItemDto {
  return {
    ...toRatingDto(row),
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    playbookId: row.playbook_id,
  };
}

/** The survey setting of the playbook revision the conversation ran (stars when unset). */
function surveyOf(document: string | null): TSatisfactionSurvey {
  if (!document) return 'stars';
  try {
    const parsed = JSON.parse(document) as { appearance?: { satisfaction?: unknown } };
    const survey = ZSatisfactionSurvey.safeParse(parsed.appearance?.satisfaction);
    return survey.success ? survey.data : 'stars';
  } catch {
    return 'stars';
  }
}

export function createRatingsService(deps: RatingsDeps) {
  const { store, clock, events } = deps;

  /** Visitor isolation: another visitor's conversation is the same 404 as a missing one. */
  async function visitorConversation(visitorId: string, id: string): Promise<RatedConversationRow> {
    const row = id.length <= 64 ? await store.findConversation(id) : null;
    if (!row || row.visitor_id !== visitorId) throw new AppError('CONVERSATION_NOT_FOUND');
    return row;
  }

  async function surveyFor(row: RatedConversationRow): Promise<TSatisfactionSurvey> {
    if (!row.playbook_id || row.playbook_revision === null) return 'stars';
    return surveyOf(await store.playbookRevisionDocument(row.playbook_id, row.playbook_revision));
  }

  return {
    async stateForVisitor(visitorId: string, conversationId: string): Promise<TVisitorRatingStateDto> {
      const conversation = await visitorConversation(visitorId, conversationId);
      const survey = await surveyFor(conversation);
      const existing = await store.find(conversationId);
      const deadline = ratingDeadline({
        closedAt: conversation.closed_at,
        ratedAt: existing?.created_at ?? null,
      });
      return {
        survey,
        canRate:
          survey !== 'off' &&
          conversation.status === 'closed' &&
          deadline !== null &&
          clock.now() <= deadline,
        rating: existing ? toRatingDto(existing) : null,
      };
    },

    /** Rates or re-rates; the timeline gets a "rated" line and webhooks `conversation.rated`. */
    async rate(
      visitorId: string,
      conversationId: string,
      input: TRateConversationRequest,
    ): Promise<TRatingDto> {
      const conversation = await visitorConversation(visitorId, conversationId);
      const existing = await store.find(conversationId);
      const now = clock.now();
      const survey = await surveyFor(conversation);
      const refusal = decideRating(
        {
          status: conversation.status,
          closedAt: conversation.closed_at,
          survey,
          ratedAt: existing?.created_at ?? null,
        },
        input.score,
        now,
      );
      if (refusal) throw new AppError(refusal);
      const scale = survey === 'thumbs' ? 'thumbs' : 'stars';
      const comment = input.comment ? input.comment : null;
      const stored = await store.upsert({
        conversation_id: conversationId,
        visitor_id: visitorId,
        playbook_id: conversation.playbook_id,
        assignee_id: existing?.assignee_id ?? conversation.assignee_id,
        scale,
        score: input.score,
        comment,
        created_at: existing?.created_at ?? now,
        updated_at: now,
      });
      const rating = toRatingDto(stored);
      await deps.conversations.appendEvent(conversationId, {
        type: 'rated',
        scale,
        score: input.score,
        comment,
      });
      events.emit('conversation.rated', { rating });
      return rating;
    },

    async listForPerson(personId: string): Promise<TRatingListItemDto[]> {
      return (await store.listForPerson(personId, PERSON_RATINGS_LIMIT)).map(toListItem);
    },
  };
}
export type RatingsService = ReturnType<typeof createRatingsService>;
