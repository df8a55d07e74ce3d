import { mergeTextNodes } from '../rich-text/merge-text-nodes';
import { parseMarkdown } from '../rich-text/parse-markdown';
import type { TBlock, TParagraph, TRichText, TTextNode } from '../rich-text/rich-text.schema';
import { toMarkdown } from '../rich-text/to-markdown';

// Variables of canned responses: `{{visitor.name}}`, `{{visitor.email}}`, `{{user.name}}` and
// the conversation's captured playbook variables (`{{company_name}}`), each with an optional
// fallback written after a bar: `{{visitor.name | there}}`. A missing variable without a
// fallback renders as nothing, as Intercom does, and takes the space before it along when
// punctuation or another space follows ("Hi {{visitor.name}}, …" → "Hi, …"), so the text reads
// as written for an anonymous visitor too.

/** The variables every conversation offers; any other key is a playbook variable. */
export const CANNED_BUILT_IN_VARIABLES = ['visitor.name', 'visitor.email', 'user.name'] as const;

const KEY = String.raw`visitor\.name|visitor\.email|user\.name|[a-z][a-z0-9_]{0,39}`;
const FALLBACK = String.raw`[^{}|\n]{0,80}`;
/** One well-formed variable; the key is group 1 and the fallback group 2. */
const VARIABLE = new RegExp(String.raw`\{\{\s*(${KEY})\s*(?:\|\s*(${FALLBACK}?)\s*)?\}\}`, 'g');
const WHOLE_VARIABLE = new RegExp(`^${VARIABLE.source}$`);
/** Anything that looks like a variable, well-formed or not: `{{` up to the next `}}` or line end. */
const VARIABLE_LIKE = /\{\{[^\n]*?(?:\}\}|$)/gm;

type TValues = Readonly<Record<string, string | undefined>>;

/**
 * The `{{…}}` spans of a canned response's body that are not a variable (unknown namespace,
 * bad key, unclosed braces, nested braces), in order; empty when the body is valid.
 */
export function findInvalidCannedVariables(body: string): string[] {
  const invalid: string[] = [];
  for (const match of body.matchAll(VARIABLE_LIKE)) {
    const span = match[0];
    if (!WHOLE_VARIABLE.test(span)) invalid.push(span);
  }
  return invalid;
}

/** The keys a body uses, unique, in order of first appearance. */
export function listCannedVariables(body: string): string[] {
  return [...new Set([...body.matchAll(VARIABLE)].map((match) => match[1] ?? ''))];
}

// A variable that rendered as nothing is first marked with a private-use character, so the
// space before it can go when the mark is followed by punctuation, a space or the end.
const DROPPED = '\u{F8FF}';
const DROPPED_WITH_SPACE = / \u{F8FF}+(?=[\s,.;:!?)]|$)/gu;
const DROPPED_AT_START = /^\u{F8FF}+ /u;
const DROPPED_ALL = /\u{F8FF}/gu;

/** Fills the variables of one plain text once: values are inserted as written, never expanded again. */
export function fillCannedText(text: string, values: TValues): string {
  const filled = text.replace(VARIABLE, (_whole, key: string, fallback: string | undefined) => {
    const value = Object.hasOwn(values, key) ? (values[key] ?? '').trim() : '';
    return value !== '' ? value : (fallback ?? '').trim() || DROPPED;
  });
  return filled.replace(DROPPED_WITH_SPACE, '').replace(DROPPED_AT_START, '').replace(DROPPED_ALL, '');
}

function fillParagraph(paragraph: TParagraph, values: TValues): TParagraph | null {
  const content: TTextNode[] = (paragraph.content ?? []).map((node) => ({
    ...node,
    text: fillCannedText(node.text, values),
  }));
  const merged = mergeTextNodes(content);
  return merged.length > 0 ? { type: 'paragraph', content: merged } : null;
}

/**
 * A canned response's Markdown body with its variables filled, as Markdown for the composer.
 * Values go into text only (never into link targets or images) and are escaped by the
 * serializer, so a visitor named `**Ana** [x](http://evil)` or `{{user.name}}` stays literal text.
 */
export function renderCannedResponse(body: string, values: TValues): string {
  const doc: TRichText = parseMarkdown(body);
  const content = doc.content.flatMap((block): TBlock[] => {
    if (block.type === 'paragraph') {
      const paragraph = fillParagraph(block, values);
      return paragraph ? [paragraph] : [];
    }
    if (block.type === 'bullet_list') {
      const items = block.items.flatMap((item) => fillParagraph(item, values) ?? []);
      return items.length > 0 ? [{ ...block, items }] : [];
    }
    return [block];
  });
  return toMarkdown({ type: 'doc', content });
}
