import { describeAttachment, toPlainText, type TMessageDto } from '@charla/protocol';

/**
 * One line of the transcript a CRM note keeps: `[time] Name: text`, the message's files named after
 * it (their bytes stay with the conversation); null for timeline events and empty messages.
 */
export function transcriptLine(message: TMessageDto): string | null {
  if (message.event) return null;
  const parts = [toPlainText(message.body), ...message.attachments.map(describeAttachment)].filter(
    (part) => part.trim() !== '',
  );
  if (parts.length === 0) return null;
  return `[${new Date(message.createdAt).toISOString()}] ${message.author.name}: ${parts.join(' ')}`;
}
