import { mergeTextNodes } from './merge-text-nodes';
import type { TMark, TTextNode } from './rich-text.schema';
import { isAllowedLinkHref } from './rich-text-rules';

// Inline part of the Markdown subset: `\` escapes, `**bold**` (and `__bold__`), `*italic*` and
// `_italic_` with CommonMark's delimiter-run rules (so `snake_case` and `2 * 3` stay literal), and
// `[text](href)` links. Everything else is literal text. The work is linear in the input: links
// scan a bounded distance and emphasis is matched with CommonMark's "openers bottom" cut-off.

/** Longest href the parser looks for; longer ones fail the schema anyway. */
const MAX_HREF_SCAN = 2001;

type Segment = { text: string; bold: boolean; italic: boolean; href: string | null };

type TextToken = { kind: 'text'; text: string };
type LinkToken = { kind: 'link'; href: string; segments: Segment[] };
type DelimToken = {
  kind: 'delim';
  char: '*' | '_';
  count: number;
  origCount: number;
  canOpen: boolean;
  canClose: boolean;
  prev: DelimToken | null;
  next: DelimToken | null;
  index: number;
};
type Token = TextToken | LinkToken | DelimToken;

type LinkSyntax = { textStart: number; textEnd: number; href: string; end: number };

const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;
const UNICODE_WHITESPACE = /^\s$/u;
const UNICODE_PUNCTUATION = /^[\p{P}\p{S}]$/u;

function isAsciiPunctuation(char: string | undefined): boolean {
  return char !== undefined && ASCII_PUNCTUATION.test(char);
}

/** The code point before `index` (undefined at the start, which counts as whitespace). */
function charBefore(src: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const low = src.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = src.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return src.slice(index - 2, index);
  }
  return src[index - 1];
}

function charAt(src: string, index: number): string | undefined {
  const code = src.codePointAt(index);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

function isWhitespace(char: string | undefined): boolean {
  return char === undefined || UNICODE_WHITESPACE.test(char);
}

function isPunctuation(char: string | undefined): boolean {
  return char !== undefined && UNICODE_PUNCTUATION.test(char);
}

/** `[text](href)` starting at `open` (the `[`), structurally only; the href is unescaped. */
function scanLinkSyntax(src: string, open: number, end: number): LinkSyntax | null {
  let i = open + 1;
  while (i < end) {
    const char = src[i];
    if (char === '\\' && i + 1 < end && isAsciiPunctuation(src[i + 1])) i += 2;
    else if (char === '[') return null;
    else if (char === ']') break;
    else i += 1;
  }
  const textEnd = i;
  if (textEnd >= end || textEnd === open + 1 || src[textEnd + 1] !== '(') return null;
  // Find the end first and build the href once: failed attempts must stay cheap.
  let depth = 0;
  let escapes = false;
  const hrefStart = textEnd + 2;
  const scanEnd = Math.min(end, hrefStart + MAX_HREF_SCAN);
  for (let j = hrefStart; j < scanEnd; j += 1) {
    const code = src.charCodeAt(j);
    if (code === 0x5c /* \ */ && j + 1 < end && isAsciiPunctuation(src[j + 1])) {
      escapes = true;
      j += 1;
    } else if (code <= 0x20 || code === 0x7f || (code > 0x7f && UNICODE_WHITESPACE.test(src[j] ?? ''))) {
      return null;
    } else if (code === 0x28 /* ( */) {
      depth += 1;
    } else if (code === 0x29 /* ) */) {
      if (depth === 0) {
        const raw = src.slice(hrefStart, j);
        const href = escapes ? raw.replace(/\\([!-/:-@[-`{-~])/g, '$1') : raw;
        return { textStart: open + 1, textEnd, href, end: j + 1 };
      }
      depth -= 1;
    }
  }
  return null;
}

function delimToken(src: string, start: number, length: number, char: '*' | '_'): DelimToken {
  const before = charBefore(src, start);
  const after = charAt(src, start + length);
  const leftFlanking =
    !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
  const rightFlanking =
    !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
  const canOpen = char === '*' ? leftFlanking : leftFlanking && (!rightFlanking || isPunctuation(before));
  const canClose = char === '*' ? rightFlanking : rightFlanking && (!leftFlanking || isPunctuation(after));
  return {
    kind: 'delim',
    char,
    count: length,
    origCount: length,
    canOpen,
    canClose,
    prev: null,
    next: null,
    index: 0,
  };
}

function tokenize(src: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  let text = '';
  const flushText = (): void => {
    if (text !== '') tokens.push({ kind: 'text', text });
    text = '';
  };
  let i = start;
  while (i < end) {
    const char = src[i] ?? '';
    if (char === '\\' && i + 1 < end && isAsciiPunctuation(src[i + 1])) {
      text += src[i + 1] ?? '';
      i += 2;
    } else if (char === '*' || char === '_') {
      let runEnd = i + 1;
      while (runEnd < end && src[runEnd] === char) runEnd += 1;
      flushText();
      tokens.push(delimToken(src, i, runEnd - i, char));
      i = runEnd;
    } else if (char === '[' || (char === '!' && src[i + 1] === '[')) {
      const isImage = char === '!';
      const syntax = scanLinkSyntax(src, isImage ? i + 1 : i, end);
      if (syntax === null) {
        text += isImage ? '![' : '[';
        i += isImage ? 2 : 1;
      } else if (!isImage && isAllowedLinkHref(syntax.href)) {
        flushText();
        const segments = parseSegments(src, syntax.textStart, syntax.textEnd);
        tokens.push({ kind: 'link', href: syntax.href, segments });
        i = syntax.end;
      } else {
        // Inline images and disallowed links stay exactly as written.
        text += src.slice(i, syntax.end);
        i = syntax.end;
      }
    } else {
      text += char;
      i += 1;
    }
  }
  flushText();
  return tokens;
}

/** CommonMark's "process emphasis": returns per-token bold/italic nesting counts. */
function resolveEmphasis(tokens: Token[]): { bold: number[]; italic: number[] } {
  const boldDelta = new Array<number>(tokens.length + 1).fill(0);
  const italicDelta = new Array<number>(tokens.length + 1).fill(0);
  const delims = tokens.filter((token): token is DelimToken => token.kind === 'delim');
  tokens.forEach((token, index) => {
    if (token.kind === 'delim') token.index = index;
  });
  delims.forEach((delim, at) => {
    delim.prev = delims[at - 1] ?? null;
    delim.next = delims[at + 1] ?? null;
  });
  const remove = (delim: DelimToken): void => {
    if (delim.prev !== null) delim.prev.next = delim.next;
    if (delim.next !== null) delim.next.prev = delim.prev;
  };
  // Lowest opener worth revisiting for a closer of this kind; below it the search already failed.
  const openersBottom = new Map<string, DelimToken | null>();
  const bottomKey = (d: DelimToken): string => `${d.char}${d.canOpen ? 1 : 0}${d.origCount % 3}`;

  let closer: DelimToken | null = delims[0] ?? null;
  while (closer !== null) {
    if (!closer.canClose) {
      closer = closer.next;
      continue;
    }
    const bottom = openersBottom.get(bottomKey(closer));
    let opener: DelimToken | null = closer.prev;
    let found = false;
    while (opener !== null && opener !== bottom) {
      const oddMatch =
        (closer.canOpen || opener.canClose) &&
        closer.origCount % 3 !== 0 &&
        (opener.origCount + closer.origCount) % 3 === 0;
      if (opener.char === closer.char && opener.canOpen && !oddMatch) {
        found = true;
        break;
      }
      opener = opener.prev;
    }
    if (found && opener !== null) {
      const use = closer.count >= 2 && opener.count >= 2 ? 2 : 1;
      const delta = use === 2 ? boldDelta : italicDelta;
      delta[opener.index + 1] = (delta[opener.index + 1] ?? 0) + 1;
      delta[closer.index] = (delta[closer.index] ?? 0) - 1;
      opener.count -= use;
      closer.count -= use;
      // Delimiters inside a matched pair can no longer match: they become literal text.
      for (let inner = opener.next; inner !== null && inner !== closer; inner = inner.next) remove(inner);
      if (opener.count === 0) remove(opener);
      if (closer.count === 0) {
        const next: DelimToken | null = closer.next;
        remove(closer);
        closer = next;
      }
      continue;
    }
    openersBottom.set(bottomKey(closer), closer.prev);
    const next: DelimToken | null = closer.next;
    if (!closer.canOpen) remove(closer);
    closer = next;
  }

  const bold: number[] = [];
  const italic: number[] = [];
  let b = 0;
  let it = 0;
  for (let index = 0; index < tokens.length; index += 1) {
    b += boldDelta[index] ?? 0;
    it += italicDelta[index] ?? 0;
    bold.push(b);
    italic.push(it);
  }
  return { bold, italic };
}

function parseSegments(src: string, start: number, end: number): Segment[] {
  const tokens = tokenize(src, start, end);
  const { bold, italic } = resolveEmphasis(tokens);
  const segments: Segment[] = [];
  tokens.forEach((token, index) => {
    const isBold = (bold[index] ?? 0) > 0;
    const isItalic = (italic[index] ?? 0) > 0;
    if (token.kind === 'text')
      segments.push({ text: token.text, bold: isBold, italic: isItalic, href: null });
    else if (token.kind === 'delim') {
      if (token.count > 0)
        segments.push({ text: token.char.repeat(token.count), bold: isBold, italic: isItalic, href: null });
    } else {
      for (const inner of token.segments) {
        segments.push({
          ...inner,
          bold: inner.bold || isBold,
          italic: inner.italic || isItalic,
          href: token.href,
        });
      }
    }
  });
  return segments;
}

function toTextNode(segment: Segment): TTextNode {
  const marks: TMark[] = [];
  if (segment.bold) marks.push({ type: 'bold' });
  if (segment.italic) marks.push({ type: 'italic' });
  if (segment.href !== null) marks.push({ type: 'link', href: segment.href });
  return marks.length > 0
    ? { type: 'text', text: segment.text, marks }
    : { type: 'text', text: segment.text };
}

/** Parses one paragraph's inline Markdown (bold, italic, links; newlines kept) into merged text nodes. */
export function parseInlineMarkdown(src: string): TTextNode[] {
  return mergeTextNodes(parseSegments(src, 0, src.length).map(toTextNode));
}
