import { RATING_WINDOW_MS } from '@charla/protocol';
import { describe, expect, it } from 'vitest';
import { decideRating, isScoreOnScale, ratingDeadline, type RatingFacts } from './decide-rating';

const closedAt = Date.UTC(2026, 0, 1, 12);
const closed: RatingFacts = { status: 'closed', closedAt, survey: 'stars', ratedAt: null };

describe('decideRating', () => {
  it('accepts every star from 1 to 5 on a closed conversation', () => {
    for (const score of [1, 2, 3, 4, 5]) expect(decideRating(closed, score, closedAt + 1000)).toBeNull();
  });

  it('refuses scores off the scale', () => {
    for (const score of [0, 6, -1, 2.5, Number.NaN])
      expect(decideRating(closed, score, closedAt)).toBe('RATING_OUT_OF_RANGE');
    const thumbs = { ...closed, survey: 'thumbs' as const };
    expect(decideRating(thumbs, 5, closedAt)).toBeNull();
    expect(decideRating(thumbs, 1, closedAt)).toBeNull();
    expect(decideRating(thumbs, 3, closedAt)).toBe('RATING_OUT_OF_RANGE');
  });

  it('refuses open conversations in every state', () => {
    for (const status of ['bot', 'waiting', 'assigned'] as const)
      expect(decideRating({ ...closed, status, closedAt: null }, 5, closedAt)).toBe(
        'RATING_CONVERSATION_OPEN',
      );
  });

  it('refuses when the playbook does not ask', () => {
    expect(decideRating({ ...closed, survey: 'off' }, 5, closedAt)).toBe('RATING_NOT_ASKED');
  });

  it('gives 24 h after the close for the first rating, then 24 h after it for changes', () => {
    expect(decideRating(closed, 4, closedAt + RATING_WINDOW_MS)).toBeNull();
    expect(decideRating(closed, 4, closedAt + RATING_WINDOW_MS + 1)).toBe('RATING_WINDOW_OVER');
    const ratedAt = closedAt + 20 * 3600_000;
    const rated = { ...closed, ratedAt };
    expect(decideRating(rated, 2, closedAt + RATING_WINDOW_MS + 1)).toBeNull();
    expect(decideRating(rated, 2, ratedAt + RATING_WINDOW_MS + 1)).toBe('RATING_WINDOW_OVER');
    expect(ratingDeadline(rated)).toBe(ratedAt + RATING_WINDOW_MS);
    expect(ratingDeadline({ closedAt: null, ratedAt: null })).toBeNull();
  });

  it('knows which scores each scale has', () => {
    expect([1, 2, 3, 4, 5].filter((s) => isScoreOnScale('thumbs', s))).toEqual([1, 5]);
    expect([1, 2, 3, 4, 5].filter((s) => isScoreOnScale('stars', s))).toEqual([1, 2, 3, 4, 5]);
  });
});
