import type { TRichText } from '@charla/protocol';

/** The words of a rich-text document, one block per line, for the note's search column. */
export function richTextWords(doc: TRichText): string {
  const lines: string[] = [];
  for (const block of doc.content) {
    if (block.type === 'paragraph') lines.push((block.content ?? []).map((t) => t.text).join(''));
    else if (block.type === 'bullet_list')
      for (const item of block.items) lines.push((item.content ?? []).map((t) => t.text).join(''));
    else lines.push(block.alt);
  }
  return lines.join('\n');
}
