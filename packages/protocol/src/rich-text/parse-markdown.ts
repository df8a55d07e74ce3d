import { parseInlineMarkdown } from './parse-inline-markdown';
import type { TBlock, TParagraph, TRichText } from './rich-text.schema';
import { isAllowedImageSrc } from './rich-text-rules';

// Block part of the Markdown subset. A line is one of:
//   blank (only whitespace)       ends the current paragraph or list
//   `- ` or `* ` at column 0      a bullet item
//   two spaces + text             continues the bullet item right above it
//   `![alt](src)` alone           an image (when the src is allowed; otherwise literal text)
//   anything else                 a paragraph line; lines of one paragraph are joined with "\n"
// Nothing else (headings, quotes, code, HTML, tables, numbered lists) exists: it is literal text.

const BLANK_LINE = /^\s*$/;
const BULLET_LINE = /^[-*] /;
const CONTINUATION_LINE = /^ {2}/;
const IMAGE_LINE = /^[ \t]*!\[((?:\\.|[^\\[\]])*)\]\(((?:\\.|[^\\()\s])*)\)[ \t]*$/;
const ESCAPED_ASCII_PUNCTUATION = /\\([!-/:-@[-`{-~])/g;

function unescapeMarkdown(text: string): string {
  return text.replace(ESCAPED_ASCII_PUNCTUATION, '$1');
}

function imageOf(line: string): TBlock | null {
  const match = IMAGE_LINE.exec(line);
  if (match === null) return null;
  const src = unescapeMarkdown(match[2] ?? '');
  if (!isAllowedImageSrc(src)) return null;
  return { type: 'image', src, alt: unescapeMarkdown(match[1] ?? '') };
}

function paragraphOf(lines: readonly string[]): TParagraph | null {
  const content = parseInlineMarkdown(lines.join('\n'));
  if (content.every((node) => node.text.trim() === '')) return null;
  return { type: 'paragraph', content };
}

/** Parses the strict Markdown subset into a rich-text document; never throws, unknown syntax stays literal. */
export function parseMarkdown(md: string): TRichText {
  const blocks: TBlock[] = [];
  let paragraph: string[] = [];
  let items: string[][] = [];

  const flushParagraph = (): void => {
    const block = paragraphOf(paragraph);
    if (block !== null) blocks.push(block);
    paragraph = [];
  };
  const flushList = (): void => {
    const paragraphs = items.map(paragraphOf).filter((item): item is TParagraph => item !== null);
    if (paragraphs.length > 0) blocks.push({ type: 'bullet_list', items: paragraphs });
    items = [];
  };

  for (const line of md.replace(/\r\n?/g, '\n').split('\n')) {
    const lastItem = items[items.length - 1];
    if (BLANK_LINE.test(line)) {
      flushParagraph();
      flushList();
    } else if (BULLET_LINE.test(line)) {
      flushParagraph();
      items.push([line.slice(2)]);
    } else if (lastItem !== undefined && CONTINUATION_LINE.test(line)) {
      lastItem.push(line.slice(2));
    } else {
      const image = imageOf(line);
      if (image !== null) {
        flushParagraph();
        flushList();
        blocks.push(image);
      } else {
        flushList();
        paragraph.push(line);
      }
    }
  }
  flushParagraph();
  flushList();
  return { type: 'doc', content: blocks };
}
