import { mergeTextNodes } from './merge-text-nodes';
import type { TBlock, TParagraph, TRichText, TTextNode } from './rich-text.schema';
import { isAllowedLinkHref } from './rich-text-rules';

// Bare web addresses in text become links (R7), the way chat products show them: "https://…",
// "http://…" and "www.…" up to the next space, without the punctuation that ends the sentence
// around it and without a closing parenthesis that has no opening one inside the address.

const BARE_URL = /(?:\bhttps?:\/\/|\bwww\.)[^\s<>"]+/giu;
/** The schema's limit for a link (ZLinkHref); a longer address stays text. */
const MAX_HREF = 2000;
const TRAILING_PUNCTUATION = /[.,;:!?'"*_~]+$/u;

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** The address without what belongs to the sentence around it. */
function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING_PUNCTUATION, '');
    if (url.endsWith(')') && count(url, ')') > count(url, '(')) url = url.slice(0, -1);
    if (url === before) return url;
  }
}

function hrefOf(url: string): string | null {
  const href = /^www\./iu.test(url) ? `https://${url}` : url;
  if (!/^https?:\/\/[^/?#]*[\p{L}\p{N}]/iu.test(href)) return null;
  return href.length <= MAX_HREF && isAllowedLinkHref(href) ? href : null;
}

/** Splits one unlinked text node around the addresses it holds. */
function autolinkNode(node: TTextNode): TTextNode[] {
  if (node.marks?.some((mark) => mark.type === 'link')) return [node];
  const out: TTextNode[] = [];
  const marks = node.marks ?? [];
  let done = 0;
  for (const match of node.text.matchAll(BARE_URL)) {
    const url = trimUrl(match[0]);
    const href = hrefOf(url);
    if (href === null) continue;
    const start = match.index;
    if (start > done) out.push({ ...node, text: node.text.slice(done, start) });
    out.push({ type: 'text', text: url, marks: [...marks, { type: 'link', href }] });
    done = start + url.length;
  }
  if (done === 0) return [node];
  if (done < node.text.length) out.push({ ...node, text: node.text.slice(done) });
  return out;
}

/** Inline content with every bare http(s) or www address linked; existing links are kept. */
export function autolinkTextNodes(nodes: readonly TTextNode[]): TTextNode[] {
  return nodes.flatMap(autolinkNode);
}

function autolinkParagraph(paragraph: TParagraph): TParagraph {
  if (!paragraph.content) return paragraph;
  return { ...paragraph, content: mergeTextNodes(autolinkTextNodes(paragraph.content)) };
}

/** The document with bare addresses linked in every paragraph and list item. */
export function autolinkDoc(doc: TRichText): TRichText {
  const content = doc.content.map((block): TBlock => {
    if (block.type === 'paragraph') return autolinkParagraph(block);
    if (block.type === 'bullet_list') return { ...block, items: block.items.map(autolinkParagraph) };
    return block;
  });
  return { type: 'doc', content };
}
