import type { TRichText } from './rich-text.schema';
import { MAX_RICH_TEXT_CHARS } from './rich-text-rules';

const MAX_BLOCKS = 100;

/**
 * Plain text (a transcript, panel notes) as a note body within the rich-text limits: one paragraph per line while they fit,
 * otherwise consecutive lines packed into at most 100 paragraphs of at most 5000 characters.
 */
export function linesToRichText(text: string): TRichText {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const paragraphs: string[] = [];
  const perParagraph = Math.ceil(lines.length / MAX_BLOCKS);
  for (let i = 0; i < lines.length; i += perParagraph) {
    const text = lines.slice(i, i + perParagraph).join('\n');
    paragraphs.push(text.length > MAX_RICH_TEXT_CHARS ? `${text.slice(0, MAX_RICH_TEXT_CHARS - 1)}…` : text);
  }
  return {
    type: 'doc',
    content: paragraphs.map((text) => ({
      type: 'paragraph' as const,
      content: [{ type: 'text' as const, text }],
    })),
  };
}
