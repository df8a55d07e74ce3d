import type { TParagraph, TRichText, TTextNode } from '../rich-text/rich-text.schema';
import type { TPlaybookNode } from './playbook.schema';

// Private helpers of the playbook folder (not exported from the package): the rich-text
// folder has its own interpolation; these only need to agree on the `{{key}}` syntax.

const TEMPLATE_VARIABLE = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** Keys referenced as `{{key}}` in a plain string, in order of first appearance. */
export function templateVariablesOfString(text: string): string[] {
  const keys: string[] = [];
  for (const match of text.matchAll(TEMPLATE_VARIABLE)) {
    const key = match[1];
    if (key !== undefined && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** Replaces every `{{key}}` with what `fill` gives for its key. */
export function fillTemplates(text: string, fill: (key: string) => string): string {
  return text.replace(TEMPLATE_VARIABLE, (_whole, key: string) => fill(key));
}

/**
 * Replaces every `{{key}}` with its value, passed through `encode` (URL or JSON escaping for the
 * HTTP request card); unknown or unset keys render empty.
 */
export function interpolateString(
  text: string,
  vars: Readonly<Record<string, string>>,
  encode: (value: string) => string = (value) => value,
): string {
  return fillTemplates(text, (key) => encode(Object.hasOwn(vars, key) ? (vars[key] ?? '') : ''));
}

function paragraphsOf(doc: TRichText): TParagraph[] {
  return doc.content.flatMap((block) => {
    if (block.type === 'paragraph') return [block];
    if (block.type === 'bullet_list') return block.items;
    return [];
  });
}

function textNodesOf(doc: TRichText): TTextNode[] {
  return paragraphsOf(doc).flatMap((p) => p.content ?? []);
}

/** Keys referenced in the text of a rich-text document (links and images are never templates). */
export function templateVariablesOfRichText(doc: TRichText): string[] {
  const keys: string[] = [];
  for (const node of textNodesOf(doc)) {
    for (const key of templateVariablesOfString(node.text)) if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** Characters of visible text (templates counted as written). */
export function plainTextLength(doc: TRichText): number {
  return textNodesOf(doc).reduce((sum, node) => sum + node.text.length, 0);
}

/** True when the document shows nothing: no non-blank text and no image. */
export function isRichTextEmpty(doc: TRichText): boolean {
  if (doc.content.some((block) => block.type === 'image')) return false;
  return textNodesOf(doc).every((node) => node.text.trim() === '');
}

/** Every link href and image src of a document. */
export function urlsOfRichText(doc: TRichText): { kind: 'link' | 'image'; url: string }[] {
  const urls: { kind: 'link' | 'image'; url: string }[] = [];
  for (const block of doc.content) if (block.type === 'image') urls.push({ kind: 'image', url: block.src });
  for (const node of textNodesOf(doc)) {
    for (const mark of node.marks ?? [])
      if (mark.type === 'link') urls.push({ kind: 'link', url: mark.href });
  }
  return urls;
}

function interpolateParagraph(p: TParagraph, vars: Readonly<Record<string, string>>): TParagraph {
  if (p.content === undefined) return p;
  // A text node must not be empty, so a template that renders empty drops its node.
  const content = p.content
    .map((node) => ({ ...node, text: interpolateString(node.text, vars) }))
    .filter((node) => node.text !== '');
  return { ...p, content };
}

/** A copy of `doc` with `{{key}}` replaced in text (never in links or images). */
export function interpolateRichText(doc: TRichText, vars: Readonly<Record<string, string>>): TRichText {
  return {
    type: 'doc',
    content: doc.content.map((block) => {
      if (block.type === 'paragraph') return interpolateParagraph(block, vars);
      if (block.type === 'bullet_list')
        return { ...block, items: block.items.map((i) => interpolateParagraph(i, vars)) };
      return block;
    }),
  };
}

export type TRichTextField = { field: string; text: TRichText };

/** The rich-text fields of a node, in a fixed order. */
export function richTextFieldsOf(node: TPlaybookNode): TRichTextField[] {
  switch (node.type) {
    case 'message':
    case 'question':
      return [{ field: 'content', text: node.content }];
    case 'capture':
      return [{ field: 'prompt', text: node.prompt }];
    case 'live_chat':
      return [
        { field: 'onlineMessage', text: node.onlineMessage },
        { field: 'offlineMessage', text: node.offlineMessage },
      ];
    case 'end':
      return node.closingMessage ? [{ field: 'closingMessage', text: node.closingMessage }] : [];
    case 'condition':
    case 'set_variable':
    case 'http_request':
    case 'wait':
      return [];
  }
}

export type TTemplateField = { path: string[]; template: string };

/**
 * The plain-string templates of a node (CRM titles and subjects, set variable values, an HTTP
 * request's URL and body), with their path.
 */
export function templateFieldsOf(node: TPlaybookNode): TTemplateField[] {
  if (node.type === 'set_variable') return [{ path: ['value'], template: node.value }];
  if (node.type === 'http_request') {
    const fields = [{ path: ['url'], template: node.url }];
    if (node.method === 'POST' && node.body !== undefined)
      fields.push({ path: ['body'], template: node.body });
    return fields;
  }
  if (node.type !== 'end') return [];
  const fields: TTemplateField[] = [];
  const record = node.crm.record;
  if (record.kind !== 'none')
    fields.push({ path: ['crm', 'record', 'titleTemplate'], template: record.titleTemplate });
  if (node.crm.activity) {
    fields.push({
      path: ['crm', 'activity', 'subjectTemplate'],
      template: node.crm.activity.subjectTemplate,
    });
  }
  return fields;
}

/** Every variable key a node reads when it runs (rich text and templates). */
export function variablesReadBy(node: TPlaybookNode): string[] {
  const keys: string[] = [];
  const add = (key: string) => {
    if (!keys.includes(key)) keys.push(key);
  };
  for (const { text } of richTextFieldsOf(node)) templateVariablesOfRichText(text).forEach(add);
  for (const { template } of templateFieldsOf(node)) templateVariablesOfString(template).forEach(add);
  return keys;
}
