import type { TRatingDto, TVisitorRatingStateDto } from '@charla/protocol';
import { conversationPath, createVisitorRest } from './visitor-rest';

export type TRatingApi = {
  load(conversationId: string): Promise<TVisitorRatingStateDto>;
  /** Resolves with the stored rating, or rejects with the server's error code. */
  rate(conversationId: string, score: number, comment: string): Promise<TRatingDto>;
};

/** The satisfaction survey over REST, beside the chat socket. */
export function createRatingApi(token: () => string | null): TRatingApi {
  const call = createVisitorRest(token);
  return {
    load: (conversationId) => call<TVisitorRatingStateDto>(conversationPath(conversationId, 'rating')),
    rate: (conversationId, score, comment) =>
      call<TRatingDto>(conversationPath(conversationId, 'rating'), {
        method: 'PUT',
        body: JSON.stringify(comment.trim() ? { score, comment: comment.trim() } : { score }),
      }),
  };
}
