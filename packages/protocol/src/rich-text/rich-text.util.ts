import type { TParagraph, TRichText } from './rich-text.schema';
import { toPlainText } from './to-plain-text';

/** A document of plain paragraphs: blank lines split paragraphs, single newlines stay inside one. */
export function richTextFromPlain(text: string): TRichText {
  const paragraphs: TParagraph[] = [];
  let lines: string[] = [];
  const flush = (): void => {
    if (lines.length > 0)
      paragraphs.push({ type: 'paragraph', content: [{ type: 'text', text: lines.join('\n') }] });
    lines = [];
  };
  // The same paragraph rule as parseMarkdown, so plain text and its Markdown reading agree.
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') flush();
    else lines.push(line);
  }
  flush();
  return { type: 'doc', content: paragraphs };
}

/** True when a document shows nothing: no image and no text other than whitespace. */
export function isRichTextEmpty(doc: TRichText): boolean {
  return doc.content.every((block) => {
    if (block.type === 'image') return false;
    const paragraphs = block.type === 'paragraph' ? [block] : block.items;
    return paragraphs.every((paragraph) =>
      (paragraph.content ?? []).every((node) => node.text.trim() === ''),
    );
  });
}

/** Length of the document's plain text (toPlainText), in UTF-16 code units like `maxlength` and zod's `max`. */
export function richTextLength(doc: TRichText): number {
  return toPlainText(doc).length;
}
