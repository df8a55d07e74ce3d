import type { THighlightSegment } from '@charla/protocol';
import { foldText, wordMatches } from './fold-text';

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

type Span = { start: number; end: number };

/** Where the query's words occur in `text` (folded comparison; the last token matches as a prefix). */
export function matchSpans(text: string, tokens: readonly string[]): Span[] {
  if (tokens.length === 0) return [];
  const last = tokens.length - 1;
  const spans: Span[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = foldText(m[0]);
    if (tokens.some((t, i) => wordMatches(word, t, i === last)))
      spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/**
 * A short excerpt of `text` around the first match, as plain-text segments with the matched
 * words flagged: the client renders them as text nodes (a `<mark>` around flagged ones), so
 * nothing in a message can become markup (no HTML injection through highlighting).
 */
export function highlightSnippet(
  text: string,
  tokens: readonly string[],
  maxChars = 160,
): THighlightSegment[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const spans = matchSpans(flat, tokens);
  const first = spans[0];
  let start = first ? Math.max(0, first.start - Math.floor(maxChars / 3)) : 0;
  if (start > 0) {
    const space = flat.lastIndexOf(' ', start);
    start = space >= 0 && first && space < first.start ? space + 1 : start;
  }
  const end = Math.min(flat.length, start + maxChars);
  const segments: THighlightSegment[] = [];
  const push = (t: string, match: boolean) => {
    if (t === '') return;
    const prev = segments.at(-1);
    if (prev && prev.match === match) prev.text += t;
    else segments.push({ text: t, match });
  };
  if (start > 0) push('…', false);
  let at = start;
  for (const span of spans) {
    if (span.end <= start || span.start >= end) continue;
    const s = Math.max(span.start, start);
    const e = Math.min(span.end, end);
    push(flat.slice(at, s), false);
    push(flat.slice(s, e), true);
    at = e;
  }
  push(flat.slice(at, end), false);
  if (end < flat.length) push('…', false);
  return segments;
}
