import { z } from 'zod';
import { ATTACHMENT_TYPES, MAX_ATTACHMENTS_PER_MESSAGE } from './attachment-limits';

export const ZAttachmentType = z.enum(ATTACHMENT_TYPES);
export type TAttachmentType = z.infer<typeof ZAttachmentType>;

/** A file of a message, as every client and webhook sees it; its bytes come through a signed link. */
export const ZAttachmentDto = z.object({
  id: z.string(),
  name: z.string(),
  contentType: ZAttachmentType,
  size: z.number().int(),
  /** Images are re-encoded and shown inline; everything else downloads. */
  kind: z.enum(['image', 'file']),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});
export type TAttachmentDto = z.infer<typeof ZAttachmentDto>;

/** The ids of uploads a message sends (each uploaded first to the same conversation). */
export const ZAttachmentIds = z.array(z.string().min(1).max(64)).max(MAX_ATTACHMENTS_PER_MESSAGE);

/** The query of an upload: the file's name (sanitised by the server) and its size in bytes. */
export const ZUploadQuery = z.strictObject({
  name: z.string().min(1).max(500),
  size: z.coerce.number().int().min(1),
});

/** A signed, expiring URL to one file, bound to whoever asked for it. */
export const ZAttachmentLinkDto = z.object({ url: z.string(), expiresAt: z.number() });
export type TAttachmentLinkDto = z.infer<typeof ZAttachmentLinkDto>;

export const ZAttachmentParams = z.strictObject({
  conversationId: z.string().min(1).max(64),
  attachmentId: z.string().min(1).max(64),
});
