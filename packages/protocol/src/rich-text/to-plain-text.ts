import type { TBlock, TParagraph, TRichText } from './rich-text.schema';

// For previews, notifications, webhook payloads and length checks: what a reader sees, without
// formatting. Links keep only their text (the href is not visible text).

function paragraphText(paragraph: TParagraph): string {
  return (paragraph.content ?? []).map((node) => node.text).join('');
}

function blockText(block: TBlock): string {
  if (block.type === 'paragraph') return paragraphText(block);
  if (block.type === 'image') return block.alt ?? '';
  return block.items
    .map(paragraphText)
    .filter((text) => text !== '')
    .map((text) => `• ${text}`)
    .join('\n');
}

/** Plain text of a document: blocks split by a blank line, bullets as "• item" lines, images as their alt text. */
export function toPlainText(doc: TRichText): string {
  return doc.content
    .map(blockText)
    .filter((text) => text !== '')
    .join('\n\n');
}
