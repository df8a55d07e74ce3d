import { canonicalMarks, mergeTextNodes } from './merge-text-nodes';
import { parseInlineMarkdown } from './parse-inline-markdown';
import type { TBlock, TImage, TMark, TParagraph, TRichText, TTextNode } from './rich-text.schema';
import { isAllowedImageSrc, isAllowedLinkHref } from './rich-text-rules';

// The inverse of parseMarkdown. Round-trips every normalized document: what parseMarkdown
// produces, i.e. merged nodes with canonical marks, no empty paragraphs or items, no blank
// line inside a text, and bold/italic spans that CommonMark can express (they start and end
// with a non-space, and an edge inside a word is not next to punctuation). Whitespace at the
// edge of a bold/italic span is moved outside it (looks the same, and `** a**` would not parse).
// Disallowed links become plain text and disallowed images are left out.

type Emphasis = 'bold' | 'italic';
type Styled = { bold: boolean; italic: boolean };
/** A text, or a link whose inner text has its own emphasis; links are atoms for outer emphasis. */
type Item = Styled & ({ kind: 'text'; text: string } | { kind: 'link'; href: string; inner: Item[] });
type Event =
  { kind: 'item'; item: Item; markdown: string } | { kind: 'open' | 'close'; mark: Emphasis; span: number };

const EMPHASIS = ['bold', 'italic'] as const;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const WHITESPACE_OR_PUNCTUATION = /^[\s\p{P}\p{S}]$/u;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

/** Escapes what the parser would read as syntax; `_` inside a word and `-` mid-line stay as they are. */
function escapeText(text: string, atLineStart: boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    const lineStart = i === 0 ? atLineStart : text[i - 1] === '\n';
    if (char === '\\' || char === '*' || char === '[' || char === ']') out += `\\${char}`;
    else if (char === '_') out += isWordChar(text[i - 1]) && isWordChar(text[i + 1]) ? '_' : '\\_';
    else if (char === '-' && lineStart && (text[i + 1] === ' ' || i + 1 === text.length)) out += '\\-';
    else out += char;
  }
  return out;
}

function escapeUrl(url: string): string {
  return url.replace(/[\\()]/g, (char) => `\\${char}`);
}

function isBlankText(item: Item): boolean {
  return item.kind === 'text' && item.text.trim() === '';
}

function textItem(text: string, style: Styled): Item {
  return { kind: 'text', text, bold: style.bold, italic: style.italic };
}

/**
 * When a bold/italic run goes on across a link, the mark can be written inside the link text
 * (`**a** [**b**](u)`, which needs no space at the run's edge) or around the link
 * (`**a [b](u)**`, which keeps a space before the link inside the run). As a last resort every
 * node of a link becomes a link of its own (`[a](u)[**b**](u)`).
 */
type LinkLayout = { lift: 'when_spaced' | 'never' | 'always'; split: boolean };
const LINK_LAYOUTS: readonly LinkLayout[] = [
  { lift: 'when_spaced', split: false },
  { lift: 'never', split: false },
  { lift: 'always', split: false },
  { lift: 'when_spaced', split: true },
  { lift: 'always', split: true },
];

function touchesWithSpace(item: Item | undefined, side: 'start' | 'end'): boolean {
  if (item?.kind !== 'text') return false;
  return /\s/u.test((side === 'start' ? item.text[0] : item.text.at(-1)) ?? '');
}

/** Text runs and link atoms; a mark shared by a whole link and a neighbour may move outside the link. */
function itemsOf(nodes: readonly TTextNode[], layout: LinkLayout): Item[] {
  const items: Item[] = [];
  for (const node of nodes) {
    if (node.text === '') continue;
    const marks = canonicalMarks(node.marks);
    const link = marks.find((mark) => mark.type === 'link');
    const href = link !== undefined && isAllowedLinkHref(link.href) ? link.href : null;
    const text = textItem(node.text, {
      bold: marks.some((mark) => mark.type === 'bold'),
      italic: marks.some((mark) => mark.type === 'italic'),
    });
    const last = items[items.length - 1];
    if (href === null) items.push(text);
    else if (!layout.split && last?.kind === 'link' && last.href === href) last.inner.push(text);
    else items.push({ kind: 'link', href, inner: [text], bold: false, italic: false });
  }
  if (layout.lift === 'never') return items;
  items.forEach((item, index) => {
    if (item.kind !== 'link') return;
    const before = items[index - 1];
    const after = items[index + 1];
    for (const mark of EMPHASIS) {
      if (!item.inner.every((inner) => inner[mark])) continue;
      const spaced =
        (before?.[mark] === true && touchesWithSpace(before, 'end')) ||
        (after?.[mark] === true && touchesWithSpace(after, 'start'));
      const continues = before?.[mark] === true || after?.[mark] === true;
      if (layout.lift === 'always' ? !continues : !spaced) continue;
      item[mark] = true;
      for (const inner of item.inner) inner[mark] = false;
    }
  });
  return items;
}

/** Moves whitespace at the edges of every bold/italic run outside it, then merges equal neighbours. */
function shiftWhitespace(items: readonly Item[]): Item[] {
  const split: Item[] = [];
  for (const item of items) {
    if (item.kind === 'link') {
      split.push({ ...item, inner: shiftWhitespace(item.inner) });
      continue;
    }
    const core = item.text.trim();
    const lead = item.text.slice(0, item.text.length - item.text.trimStart().length);
    const trail = item.text.slice(item.text.trimEnd().length);
    for (const text of core === '' ? [item.text] : [lead, core, trail])
      if (text !== '') split.push(textItem(text, item));
  }
  for (const mark of EMPHASIS) {
    let start = 0;
    while (start < split.length) {
      let end = start;
      while (split[end]?.[mark] === true) end += 1;
      let first = start;
      for (; first < end && isBlankText(split[first] as Item); first += 1)
        (split[first] as Item)[mark] = false;
      for (let last = end - 1; last >= first && isBlankText(split[last] as Item); last -= 1)
        (split[last] as Item)[mark] = false;
      start = Math.max(end, start + 1);
    }
  }
  const merged: Item[] = [];
  for (const item of split) {
    const last = merged[merged.length - 1];
    if (
      last?.kind === 'text' &&
      item.kind === 'text' &&
      last.bold === item.bold &&
      last.italic === item.italic
    ) {
      last.text += item.text;
    } else merged.push(item);
  }
  return merged;
}

/** Opens and closes emphasis like a stack; where runs overlap, the longer one goes outside. */
function eventsOf(items: readonly Item[], atLineStart: boolean): Event[] {
  // How many items from each index on keep each mark (computed backwards, so linear).
  const runs = {
    bold: new Array<number>(items.length + 1).fill(0),
    italic: new Array<number>(items.length + 1).fill(0),
  };
  for (let index = items.length - 1; index >= 0; index -= 1) {
    for (const mark of EMPHASIS)
      runs[mark][index] = items[index]?.[mark] === true ? (runs[mark][index + 1] ?? 0) + 1 : 0;
  }
  const runLength = (from: number, mark: Emphasis): number => runs[mark][from] ?? 0;
  const events: Event[] = [];
  const stack: { mark: Emphasis; span: number }[] = [];
  let spans = 0;
  let lineStart = atLineStart;
  items.forEach((item, index) => {
    const firstUnwanted = stack.findIndex((open) => !item[open.mark]);
    if (firstUnwanted >= 0) {
      for (const open of stack.splice(firstUnwanted).reverse()) events.push({ kind: 'close', ...open });
    }
    const missing = EMPHASIS.filter((mark) => item[mark] && !stack.some((open) => open.mark === mark));
    missing.sort((a, b) => runLength(index, b) - runLength(index, a));
    for (const mark of missing) {
      const open = { mark, span: spans };
      spans += 1;
      stack.push(open);
      events.push({ kind: 'open', ...open });
    }
    const previous = events[events.length - 1];
    if (previous !== undefined && previous.kind !== 'item') lineStart = false;
    // Link markdown depends on the delimiter strategy; for the outside it is `[…)`.
    const markdown = item.kind === 'text' ? escapeText(item.text, lineStart) : '[)';
    events.push({ kind: 'item', item, markdown });
    lineStart = item.kind === 'text' && item.text.endsWith('\n');
  });
  for (const open of stack.reverse()) events.push({ kind: 'close', ...open });
  return events;
}

/**
 * How italic spans are written. `_` keeps an italic apart from a neighbouring `**` run, which
 * `*` would merge with, but `_` only works at word edges and can break the neighbouring run.
 * No single rule fits every case, so toMarkdown tries these in turn and keeps the first that
 * parses back to the same text.
 */
type ItalicStrategy = 'underscore_next_to_delimiters' | 'underscore_at_word_edges' | 'star';
const ITALIC_STRATEGIES: readonly ItalicStrategy[] = [
  'underscore_next_to_delimiters',
  'underscore_at_word_edges',
  'star',
];

function delimitersOf(events: readonly Event[], strategy: ItalicStrategy): Map<number, string> {
  const outsideIsEdge = (index: number, step: -1 | 1): boolean => {
    let at = index + step;
    if (strategy === 'underscore_at_word_edges')
      while (events[at]?.kind === 'open' || events[at]?.kind === 'close') at += step;
    const event = events[at];
    if (event?.kind !== 'item') return true;
    const char = step === -1 ? event.markdown.at(-1) : event.markdown[0];
    return char === undefined || WHITESPACE_OR_PUNCTUATION.test(char);
  };
  const opensAt = new Map<number, number>();
  const delimiters = new Map<number, string>();
  events.forEach((event, index) => {
    if (event.kind === 'open') opensAt.set(event.span, index);
    if (event.kind !== 'close') return;
    const underscore =
      strategy !== 'star' && outsideIsEdge(opensAt.get(event.span) ?? 0, -1) && outsideIsEdge(index, 1);
    delimiters.set(event.span, event.mark === 'bold' ? '**' : underscore ? '_' : '*');
  });
  return delimiters;
}

function inlineMarkdown(items: readonly Item[], atLineStart: boolean, strategy: ItalicStrategy): string {
  const events = eventsOf(items, atLineStart);
  const delimiters = delimitersOf(events, strategy);
  let out = '';
  for (const event of events) {
    if (event.kind !== 'item') out += delimiters.get(event.span) ?? '';
    else if (event.item.kind === 'text') out += event.markdown;
    else {
      // `!` right before a link would make it image syntax.
      if (out.endsWith('!')) out = `${out.slice(0, -1)}\\!`;
      out += `[${inlineMarkdown(event.item.inner, false, strategy)}](${escapeUrl(event.item.href)})`;
    }
  }
  return out;
}

function nodesOf(items: readonly Item[], outer: Styled = { bold: false, italic: false }): TTextNode[] {
  return mergeTextNodes(
    items.flatMap((item): TTextNode[] => {
      const style = { bold: item.bold || outer.bold, italic: item.italic || outer.italic };
      if (item.kind === 'link') {
        return nodesOf(item.inner, style).map((node) => ({
          ...node,
          marks: [...(node.marks ?? []), { type: 'link', href: item.href }],
        }));
      }
      const marks: TMark[] = [];
      if (style.bold) marks.push({ type: 'bold' });
      if (style.italic) marks.push({ type: 'italic' });
      return [
        marks.length > 0 ? { type: 'text', text: item.text, marks } : { type: 'text', text: item.text },
      ];
    }),
  );
}

function paragraphMarkdown(paragraph: TParagraph): string {
  const content = paragraph.content ?? [];
  const original = JSON.stringify(nodesOf(itemsOf(content, { lift: 'never', split: false })));
  let sameLooking: string | null = null;
  let first: string | null = null;
  // Prefer an exact round trip; else one that only moved whitespace out of emphasis.
  for (const layout of LINK_LAYOUTS) {
    const items = shiftWhitespace(itemsOf(content, layout));
    const shifted = JSON.stringify(nodesOf(items));
    for (const strategy of ITALIC_STRATEGIES) {
      const markdown = inlineMarkdown(items, true, strategy);
      const parsed = JSON.stringify(parseInlineMarkdown(markdown));
      if (parsed === original) return markdown;
      if (parsed === shifted) sameLooking ??= markdown;
      first ??= markdown;
    }
  }
  return sameLooking ?? first ?? '';
}

function imageMarkdown(image: TImage): string {
  if (!isAllowedImageSrc(image.src)) return '';
  const alt = (image.alt ?? '').replace(/[\\[\]]/g, (char) => `\\${char}`);
  return `![${alt}](${escapeUrl(image.src)})`;
}

function blockMarkdown(block: TBlock): string {
  if (block.type === 'paragraph') return paragraphMarkdown(block);
  if (block.type === 'image') return imageMarkdown(block);
  return block.items
    .map((item) => paragraphMarkdown(item))
    .filter((item) => item !== '')
    .map((item) => `- ${item.replace(/\n/g, '\n  ')}`)
    .join('\n');
}

/** Serializes a document to the Markdown subset; parseMarkdown(toMarkdown(doc)) equals doc when doc is normalized. */
export function toMarkdown(doc: TRichText): string {
  return doc.content
    .map(blockMarkdown)
    .filter((block) => block !== '')
    .join('\n\n');
}
