// Zod-free, so the clients' first load can use them without bundling zod (see attachments.schema.ts).

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

/** "report.pdf" → "PDF"; for file chips. */
export function attachmentTypeLabel(contentType: (typeof ATTACHMENT_TYPES)[number]): string {
  return contentType === 'application/pdf' ? 'PDF' : contentType.slice('image/'.length).toUpperCase();
}

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
export function describeAttachment(file: {
  name: string;
  contentType: (typeof ATTACHMENT_TYPES)[number];
  size: number;
}): string {
  return `📎 ${file.name} (${attachmentTypeLabel(file.contentType)}, ${formatFileSize(file.size)})`;
}
