import { z } from 'zod';
import { ZConversationDto, ZFolder } from './conversation.schema';

/** A piece of a search excerpt; `match` pieces are the words the query found (shown marked). */
export const ZHighlightSegment = z.object({ text: z.string(), match: z.boolean() });
export type THighlightSegment = z.infer<typeof ZHighlightSegment>;

const ZSearchText = z.string().trim().min(1).max(200);

export const ZConversationSearchQuery = z.strictObject({
  q: ZSearchText,
  /** Only this folder; every conversation the user may see (R14) when absent. */
  folder: ZFolder.optional(),
  /** Only conversations carrying this label (LABEL_UNKNOWN when there is none). */
  label: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type TConversationSearchQuery = z.infer<typeof ZConversationSearchQuery>;

export const ZConversationSearchHit = z.object({
  conversation: ZConversationDto,
  /** Where the best match is: a message (with its id and sequence number) or who the conversation is with. */
  match: z.object({
    field: z.enum(['message', 'profile']),
    messageId: z.string().nullable(),
    seq: z.number().nullable(),
    snippet: z.array(ZHighlightSegment),
  }),
});
export type TConversationSearchHit = z.infer<typeof ZConversationSearchHit>;

export const ZConversationSearchResult = z.object({ items: z.array(ZConversationSearchHit) });
export type TConversationSearchResult = z.infer<typeof ZConversationSearchResult>;

export const ZCrmSearchType = z.enum(['person', 'organization', 'lead', 'deal', 'activity', 'note']);
export type TCrmSearchType = z.infer<typeof ZCrmSearchType>;

export const ZCrmFullTextQuery = z.strictObject({
  q: ZSearchText,
  type: ZCrmSearchType.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type TCrmFullTextQuery = z.infer<typeof ZCrmFullTextQuery>;

export const ZCrmSearchHit = z.object({
  type: ZCrmSearchType,
  id: z.string(),
  title: z.string(),
  snippet: z.array(ZHighlightSegment),
});
export type TCrmSearchHit = z.infer<typeof ZCrmSearchHit>;

export const ZCrmSearchResult = z.object({ items: z.array(ZCrmSearchHit) });
export type TCrmSearchResult = z.infer<typeof ZCrmSearchResult>;
