import {
  isAllowedImageSrc,
  isAllowedLinkHref,
  parseMarkdown,
  toMarkdown,
  type TRichText,
} from '@charla/protocol';
import { insertLink, toggleInline, toggleList, type TextSelection } from '../inbox/composer-format';

// The card-message editor edits the protocol's Markdown subset and stores what parseMarkdown
// makes of it. That subset has exactly bold, italic, links, bullet lists and images, and the
// parser keeps anything else as literal text, so the editor cannot produce what the sanitiser
// would drop (R7).

export type { TextSelection };
export type RichTextCommand = 'bold' | 'italic' | 'link' | 'list' | 'image';

/** The editable text of a stored message. */
export function editableText(doc: TRichText): string {
  return toMarkdown(doc);
}

/** The stored message for an edited text. */
export function richTextOf(markdown: string): TRichText {
  return parseMarkdown(markdown);
}

/** Inserts an image on a line of its own (images are blocks). */
export function insertImage(sel: TextSelection, src: string, alt: string): TextSelection {
  const before = sel.text.slice(0, sel.start);
  const after = sel.text.slice(sel.end);
  const safeAlt = alt.replace(/[[\]\\]/g, '\\$&');
  const safeSrc = src.replace(/[()\\]/g, '\\$&');
  const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = after === '' || after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  const image = `![${safeAlt}](${safeSrc})`;
  const text = before + lead + image + trail + after;
  const end = before.length + lead.length + image.length;
  return { text, start: end, end };
}

/** Why a URL cannot be used, or null when it can. */
export function urlProblem(kind: 'link' | 'image', url: string): 'invalid' | null {
  return (kind === 'link' ? isAllowedLinkHref(url) : isAllowedImageSrc(url)) ? null : 'invalid';
}

/** Applies a toolbar command to the text and selection. */
export function applyCommand(
  sel: TextSelection,
  command: RichTextCommand,
  options: { placeholder: string; url?: string; alt?: string },
): TextSelection {
  switch (command) {
    case 'bold':
    case 'italic':
      return toggleInline(sel, command, options.placeholder);
    case 'list':
      return toggleList(sel);
    case 'link':
      return insertLink(sel, options.url ?? '', options.placeholder);
    case 'image':
      return insertImage(sel, options.url ?? '', options.alt ?? '');
  }
}
