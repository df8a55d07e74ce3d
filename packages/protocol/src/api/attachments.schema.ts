import { z } from 'zod';

/** Most files one message carries. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;
/** Default limits (the server's FILES_MAX_BYTES and FILES_CONVERSATION_MAX_BYTES override them). */
export const DEFAULT_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_CONVERSATION_FILES_MAX_BYTES = 100 * 1024 * 1024;

/** The types a file may be, decided by its content (magic bytes), never by its name. */
export const ATTACHMENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
] as const;
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

/** "2.4 MB", "830 KB", "12 B": sizes for file chips and transcripts (decimal units, one decimal under 10). */
export function formatFileSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const shown = unit === 0 || value >= 10 ? Math.round(value).toString() : value.toFixed(1);
  return `${shown} ${units[unit]}`;
}

/** "📎 bill.pdf (PDF, 2.4 MB)": a file as a line of text (CRM transcript notes, emailed transcripts). */
export function describeAttachment(file: Pick<TAttachmentDto, 'name' | 'contentType' | 'size'>): string {
  return `📎 ${file.name} (${attachmentTypeLabel(file.contentType)}, ${formatFileSize(file.size)})`;
}

/** "report.pdf" → "PDF"; for file chips. */
export function attachmentTypeLabel(contentType: TAttachmentType): string {
  return contentType === 'application/pdf' ? 'PDF' : contentType.slice('image/'.length).toUpperCase();
}
