import type { TRichText } from './rich-text.schema';
import { isAllowedImageSrc, isAllowedLinkHref } from './rich-text-rules';

// The only way rich text becomes HTML, on the server and in every client. It trusts nothing about
// its input: a document that skipped validation (old data, a bug, a hand-made payload) still
// renders safely, because every text and attribute is escaped, unknown nodes are skipped and
// every URL is checked again here.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes `& < > " '` so a string is inert in HTML text and in double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

type Styled = { text: string; bold: boolean; italic: boolean; href: string | null };

function styledOf(node: unknown): Styled | null {
  if (!isObject(node) || node.type !== 'text' || typeof node.text !== 'string' || node.text === '')
    return null;
  const styled: Styled = { text: node.text, bold: false, italic: false, href: null };
  for (const mark of arrayOf(node.marks)) {
    if (!isObject(mark)) continue;
    if (mark.type === 'bold') styled.bold = true;
    else if (mark.type === 'italic') styled.italic = true;
    else if (mark.type === 'link' && styled.href === null && typeof mark.href === 'string') {
      // A disallowed link renders as its plain text.
      if (isAllowedLinkHref(mark.href)) styled.href = mark.href;
    }
  }
  return styled;
}

function renderStyled(styled: Styled): string {
  let html = escapeHtml(styled.text).replace(/\n/g, '<br>');
  if (styled.italic) html = `<em>${html}</em>`;
  if (styled.bold) html = `<strong>${html}</strong>`;
  return html;
}

function renderInline(content: unknown): string {
  const nodes = arrayOf(content)
    .map(styledOf)
    .filter((styled): styled is Styled => styled !== null);
  let html = '';
  let i = 0;
  while (i < nodes.length) {
    const href = nodes[i]?.href ?? null;
    let inner = '';
    // Neighbours with the same link share one <a>.
    for (; i < nodes.length && (nodes[i]?.href ?? null) === href; i += 1)
      inner += renderStyled(nodes[i] as Styled);
    html +=
      href === null
        ? inner
        : `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer nofollow">${inner}</a>`;
  }
  return html;
}

function renderBlock(block: unknown): string {
  if (!isObject(block)) return '';
  if (block.type === 'paragraph') return `<p>${renderInline(block.content)}</p>`;
  if (block.type === 'bullet_list') {
    const items = arrayOf(block.items).filter(isObject);
    if (items.length === 0) return '';
    return `<ul>${items.map((item) => `<li>${renderInline(item.content)}</li>`).join('')}</ul>`;
  }
  if (block.type === 'image') {
    // A disallowed image renders as nothing.
    if (typeof block.src !== 'string' || !isAllowedImageSrc(block.src)) return '';
    const alt = typeof block.alt === 'string' ? block.alt : '';
    return `<img src="${escapeHtml(block.src)}" alt="${escapeHtml(alt)}" loading="lazy">`;
  }
  return '';
}

/** Renders a rich-text document to safe HTML (escaped text, allowlisted tags, URLs re-checked). */
export function renderHtml(doc: TRichText): string {
  const root: unknown = doc;
  if (!isObject(root)) return '';
  return arrayOf(root.content).map(renderBlock).join('');
}
