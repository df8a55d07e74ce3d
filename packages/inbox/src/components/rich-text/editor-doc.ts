import type { JSONContent } from '@tiptap/core';
import {
  isAllowedImageSrc,
  isAllowedLinkHref,
  type TBlock,
  type TMark,
  type TParagraph,
  type TRichText,
  type TTextNode,
} from '@charla/protocol';

// The WYSIWYG editor's document (ProseMirror JSON, as TipTap gives it) and Charla's rich-text AST
// (R7), both ways. Pure. The editor's schema already holds only what R7 allows; this mapping is
// the second gate: a link or image address the server would refuse is dropped here (a pasted
// `javascript:` link keeps its text, loses the link).

const EMPTY_PARAGRAPH: JSONContent = { type: 'paragraph' };

type TEditorMark = NonNullable<JSONContent['marks']>[number];

function markToEditor(mark: TMark): TEditorMark {
  return mark.type === 'link' ? { type: 'link', attrs: { href: mark.href } } : { type: mark.type };
}

/** A text node as the editor's: its line breaks ("\n", Shift+Enter) become hard-break nodes. */
function textToEditor(node: TTextNode): JSONContent[] {
  const marks = node.marks?.length ? { marks: node.marks.map(markToEditor) } : {};
  return node.text
    .split('\n')
    .flatMap((line, index) => [
      ...(index > 0 ? [{ type: 'hardBreak', ...marks }] : []),
      ...(line ? [{ type: 'text', text: line, ...marks }] : []),
    ]);
}

function paragraphToEditor(paragraph: TParagraph): JSONContent {
  const content = (paragraph.content ?? []).flatMap(textToEditor);
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

function blockToEditor(block: TBlock): JSONContent {
  switch (block.type) {
    case 'paragraph':
      return paragraphToEditor(block);
    case 'bullet_list':
      return {
        type: 'bulletList',
        content: block.items.map((item) => ({ type: 'listItem', content: [paragraphToEditor(item)] })),
      };
    case 'image':
      return { type: 'image', attrs: { src: block.src, alt: block.alt } };
  }
}

/** The AST as the editor's document (always at least one paragraph to type in). */
export function toEditorDoc(doc: TRichText): JSONContent {
  const content = doc.content.map(blockToEditor);
  return { type: 'doc', content: content.length > 0 ? content : [EMPTY_PARAGRAPH] };
}

function markFromEditor(mark: TEditorMark): TMark | null {
  if (mark.type === 'bold' || mark.type === 'italic') return { type: mark.type };
  const href: unknown = mark.attrs?.href;
  if (mark.type === 'link' && typeof href === 'string' && isAllowedLinkHref(href))
    return { type: 'link', href };
  return null;
}

function textFromEditor(node: JSONContent): TTextNode | null {
  const text = node.type === 'hardBreak' ? '\n' : node.type === 'text' ? node.text : undefined;
  if (!text) return null;
  const marks = (node.marks ?? []).map(markFromEditor).filter((m): m is TMark => m !== null);
  return marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text };
}

const sameMarks = (a: TTextNode, b: TTextNode): boolean =>
  JSON.stringify(a.marks ?? []) === JSON.stringify(b.marks ?? []);

/** Neighbours with the same marks as one node (a line break joins the text around it). */
function mergeTexts(nodes: TTextNode[]): TTextNode[] {
  const merged: TTextNode[] = [];
  for (const node of nodes) {
    const last = merged[merged.length - 1];
    if (last && sameMarks(last, node)) merged[merged.length - 1] = { ...last, text: last.text + node.text };
    else merged.push(node);
  }
  return merged;
}

function paragraphFromEditor(node: JSONContent): TParagraph {
  const content = mergeTexts(
    (node.content ?? []).map(textFromEditor).filter((n): n is TTextNode => n !== null),
  );
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

function blockFromEditor(node: JSONContent): TBlock | null {
  if (node.type === 'paragraph') return paragraphFromEditor(node);
  if (node.type === 'bulletList') {
    const items = (node.content ?? []).map((item) =>
      paragraphFromEditor(item.content?.find((child) => child.type === 'paragraph') ?? EMPTY_PARAGRAPH),
    );
    return items.length > 0 ? { type: 'bullet_list', items } : null;
  }
  const src: unknown = node.attrs?.src;
  if (node.type === 'image' && typeof src === 'string' && isAllowedImageSrc(src)) {
    const alt: unknown = node.attrs?.alt;
    return { type: 'image', src, alt: typeof alt === 'string' ? alt : '' };
  }
  return null;
}

const isEmptyParagraph = (block: TBlock): boolean =>
  block.type === 'paragraph' && (block.content ?? []).length === 0;

/** The editor's document as the AST; empty paragraphs at the end (the editor's last line) dropped. */
export function fromEditorDoc(json: JSONContent): TRichText {
  const content = (json.content ?? []).map(blockFromEditor).filter((b): b is TBlock => b !== null);
  while (content.length > 0 && isEmptyParagraph(content[content.length - 1] as TBlock)) content.pop();
  return { type: 'doc', content };
}
