import { z } from 'zod';

/**
 * Visitor satisfaction (CSAT). A rating is a score from 1 to 5: on the `thumbs` scale a thumb down
 * is 1 and a thumb up is 5, so averages and distributions mean the same on both scales.
 */
export const ZRatingScale = z.enum(['stars', 'thumbs']);
export type TRatingScale = z.infer<typeof ZRatingScale>;

/** The playbook setting: which scale the widget offers after a conversation closes, or none. */
export const ZSatisfactionSurvey = z.enum(['stars', 'thumbs', 'off']);
export type TSatisfactionSurvey = z.infer<typeof ZSatisfactionSurvey>;

export const RATING_MIN = 1;
export const RATING_MAX = 5;
/** A rating can be given and changed for this long (R-CSAT: one rating per conversation). */
export const RATING_WINDOW_MS = 24 * 3600_000;
export const RATING_COMMENT_MAX = 1000;

/** The range is checked by the server (RATING_OUT_OF_RANGE), not here, so the code is specific. */
export const ZRateConversationRequest = z.strictObject({
  score: z.number(),
  comment: z.string().trim().max(RATING_COMMENT_MAX).optional(),
});
export type TRateConversationRequest = z.infer<typeof ZRateConversationRequest>;

export const ZRatingDto = z.object({
  conversationId: z.string(),
  scale: ZRatingScale,
  score: z.number().int().min(RATING_MIN).max(RATING_MAX),
  comment: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Until when the visitor may still change it. */
  editableUntil: z.number(),
});
export type TRatingDto = z.infer<typeof ZRatingDto>;

/** What the widget needs after a conversation closes: whether to ask, on which scale, and its rating. */
export const ZVisitorRatingStateDto = z.object({
  survey: ZSatisfactionSurvey,
  /** False once the window is over (or while the conversation is still open). */
  canRate: z.boolean(),
  rating: ZRatingDto.nullable(),
});
export type TVisitorRatingStateDto = z.infer<typeof ZVisitorRatingStateDto>;

/** A rating as the team sees it on a CRM person or in a report. */
export const ZRatingListItemDto = ZRatingDto.extend({
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  playbookId: z.string().nullable(),
});
export type TRatingListItemDto = z.infer<typeof ZRatingListItemDto>;
