import { z } from 'zod';
import { ZConversationStatus } from './conversation.schema';
import { ZCrmActivityType, ZCrmDealStatus, ZCrmLeadStatus } from './crm.schema';

/**
 * The person's history beside a conversation (issue 15, item 3): their other conversations the
 * viewer may see (R14), their leads, deals and open activities, newest first.
 */
export const ZConversationHistoryDto = z.object({
  conversations: z.array(
    z.object({
      id: z.string(),
      status: ZConversationStatus,
      displayName: z.string(),
      createdAt: z.number(),
      closedAt: z.number().nullable(),
      lastMessagePreview: z.string(),
    }),
  ),
  leads: z.array(z.object({ id: z.string(), title: z.string(), status: ZCrmLeadStatus })),
  deals: z.array(z.object({ id: z.string(), title: z.string(), status: ZCrmDealStatus })),
  activities: z.array(
    z.object({ id: z.string(), subject: z.string(), type: ZCrmActivityType, dueAt: z.number().nullable() }),
  ),
});
export type TConversationHistoryDto = z.infer<typeof ZConversationHistoryDto>;
