import { z } from 'zod';

export const ZRoutingMode = z.enum(['manual', 'round_robin', 'least_busy']);
export type TRoutingMode = z.infer<typeof ZRoutingMode>;

/**
 * Who gets a live chat and how long they keep it (issue 19). Optional on the card: without it a
 * chat waits in Unassigned for Assign to me (the seed behaviour) and nobody's ownership lapses.
 */
export const ZLiveChatRouting = z.strictObject({
  /** `manual`: Assign to me; the others pick among online users with room (capacity). */
  mode: ZRoutingMode,
  /** Only members of this team are picked, notified of a lapse, and it filters Unassigned. */
  teamId: z.string().max(64).nullable(),
  /** The ownership watchdog: minutes the assignee has to answer the visitor; null: off. */
  replyMinutes: z.number().int().min(1).max(240).nullable(),
  /** The ownership watchdog: the chat goes back when its assignee goes offline (R10). */
  whenOffline: z.boolean(),
});
export type TLiveChatRouting = z.infer<typeof ZLiveChatRouting>;

/** A card's routing with the defaults filled in (manual, no team, no watchdog). */
export function routingOf(card: { routing?: TLiveChatRouting | undefined }): TLiveChatRouting {
  return card.routing ?? { mode: 'manual', teamId: null, replyMinutes: null, whenOffline: false };
}
