import { z } from 'zod';

/** `:conversationId` in every conversation route. */
export const ZConversationParams = z.strictObject({ conversationId: z.string().min(1).max(64) });
