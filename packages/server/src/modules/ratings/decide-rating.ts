import {
  RATING_MAX,
  RATING_MIN,
  RATING_WINDOW_MS,
  type ErrorCode,
  type TSatisfactionSurvey,
} from '@charla/protocol';

export type RatingFacts = {
  status: 'bot' | 'waiting' | 'assigned' | 'closed';
  closedAt: number | null;
  survey: TSatisfactionSurvey;
  /** When the first rating was given, if any. */
  ratedAt: number | null;
};

/**
 * Until when a rating can be given or changed: 24 h after the close for the first rating, then
 * 24 h after that first rating ("changeable for 24 h"). Null while the conversation is open.
 */
export function ratingDeadline(facts: Pick<RatingFacts, 'closedAt' | 'ratedAt'>): number | null {
  if (facts.ratedAt !== null) return facts.ratedAt + RATING_WINDOW_MS;
  return facts.closedAt === null ? null : facts.closedAt + RATING_WINDOW_MS;
}

/** True when the score exists on the scale: 1–5 stars, or thumbs down (1) / up (5). */
export function isScoreOnScale(survey: TSatisfactionSurvey, score: number): boolean {
  if (!Number.isInteger(score) || score < RATING_MIN || score > RATING_MAX) return false;
  return survey !== 'thumbs' || score === RATING_MIN || score === RATING_MAX;
}

/** Whether a visitor may rate (or re-rate) now; the error code says why not. */
export function decideRating(facts: RatingFacts, score: number, now: number): ErrorCode | null {
  if (facts.survey === 'off') return 'RATING_NOT_ASKED';
  if (facts.status !== 'closed') return 'RATING_CONVERSATION_OPEN';
  if (!isScoreOnScale(facts.survey, score)) return 'RATING_OUT_OF_RANGE';
  const deadline = ratingDeadline(facts);
  if (deadline === null || now > deadline) return 'RATING_WINDOW_OVER';
  return null;
}
