import type { TBlock, TParagraph, TRichText } from './rich-text.schema';
import { mergeTextNodes } from './merge-text-nodes';

// `{{var_name}}` templates. Keys follow the playbook variable rule (ZVariableKey); spaces inside
// the braces are allowed, as in the playbook validator; `{{ Not A Key }}` is left as written. Values are inserted as literal text, never parsed as Markdown, and there is one pass
// only, so a value containing `{{x}}` is not expanded again. Links and images are never templates.

const TEMPLATE_VARIABLE = /\{\{\s*([a-z][a-z0-9_]{0,39})\s*\}\}/g;

type TVars = Readonly<Record<string, string | undefined>>;

/** Replaces every `{{key}}` in a plain template string; missing or undefined keys render as ''. */
export function interpolateString(template: string, vars: TVars): string {
  return template.replace(TEMPLATE_VARIABLE, (_whole, key: string) =>
    Object.hasOwn(vars, key) ? (vars[key] ?? '') : '',
  );
}

function interpolateParagraph(paragraph: TParagraph, vars: TVars): TParagraph | null {
  const content = mergeTextNodes(
    (paragraph.content ?? []).map((node) => ({ ...node, text: interpolateString(node.text, vars) })),
  );
  return content.length > 0 ? { type: 'paragraph', content } : null;
}

/** A copy of `doc` with `{{key}}` replaced in text nodes; paragraphs and items left empty are dropped. */
export function interpolate(doc: TRichText, vars: TVars): TRichText {
  const content = doc.content.flatMap((block): TBlock[] => {
    if (block.type === 'paragraph') {
      const paragraph = interpolateParagraph(block, vars);
      return paragraph === null ? [] : [paragraph];
    }
    if (block.type === 'bullet_list') {
      const items = block.items.flatMap((item) => interpolateParagraph(item, vars) ?? []);
      return items.length > 0 ? [{ ...block, items }] : [];
    }
    return [block];
  });
  return { type: 'doc', content };
}

/** Keys used as `{{key}}` in the text nodes of a document: unique, in order of first appearance. */
export function listTemplateVariables(doc: TRichText): string[] {
  const keys = new Set<string>();
  for (const block of doc.content) {
    const paragraphs = block.type === 'paragraph' ? [block] : block.type === 'bullet_list' ? block.items : [];
    for (const paragraph of paragraphs) {
      for (const node of paragraph.content ?? []) {
        for (const match of node.text.matchAll(TEMPLATE_VARIABLE))
          if (match[1] !== undefined) keys.add(match[1]);
      }
    }
  }
  return [...keys];
}
