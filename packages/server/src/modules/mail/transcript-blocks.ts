import {
  describeAttachment,
  renderHtml,
  toPlainText,
  type TLanguage,
  type TMessageDto,
  type TRichText,
} from '@charla/protocol';
import type { MailBlock } from './render-mail';

const LOCALES: Record<TLanguage, string> = {
  en: 'en-US',
  es: 'es-ES',
  'pt-BR': 'pt-BR',
  fr: 'fr-FR',
  de: 'de-DE',
  'en-XA': 'en-US',
  'ar-XB': 'ar',
};

/** A time zone the visitor's browser reported, if Intl knows it; UTC otherwise. */
export function safeTimeZone(zone: string | null | undefined): string {
  if (!zone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

/** "March 2, 2026, 10:24 AM" / "2 de marzo de 2026, 10:24" in the visitor's zone. */
export function formatDateTime(at: number, language: TLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(at);
}

function formatTime(at: number, language: TLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALES[language], { timeStyle: 'short', timeZone }).format(at);
}

/**
 * The messages of a conversation as transcript blocks (pure): who, when, the message as safe HTML
 * (the one rich-text renderer, which escapes everything) and as plain text. Timeline events
 * (joined, closed, …) and the bot's validation retries are left out; they are not the conversation.
 */
export function transcriptBlocks(
  messages: readonly TMessageDto[],
  language: TLanguage,
  timeZone: string,
): MailBlock[] {
  const blocks: MailBlock[] = [];
  for (const m of messages) {
    if (m.event || m.isError || m.author.kind === 'system') continue;
    const body = withFileLines(m);
    const text = toPlainText(body).trim();
    if (!text && body.content.length === 0) continue;
    blocks.push({
      title: m.author.name,
      meta: formatTime(m.createdAt, language, timeZone),
      html: renderHtml(body),
      text,
    });
  }
  return blocks;
}

/** The message with a line per file it sent ("📎 bill.pdf (PDF, 2.4 MB)"), rendered like its text. */
function withFileLines(message: TMessageDto): TRichText {
  if (message.attachments.length === 0) return message.body;
  const lines = message.attachments.map((file) => ({
    type: 'paragraph' as const,
    content: [{ type: 'text' as const, text: describeAttachment(file) }],
  }));
  return { type: 'doc', content: [...message.body.content, ...lines] };
}
