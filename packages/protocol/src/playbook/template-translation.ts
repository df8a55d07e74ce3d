import type { TLanguage } from '../common';
import { toPlainText } from '../rich-text/to-plain-text';
import type { TRichText } from '../rich-text/rich-text.schema';
import type { TPlaybookDocument } from './playbook.schema';
import { playbookTemplates } from './templates';

// Switching a playbook's language (issue 18 item 5): the texts it still holds exactly as a
// template wrote them can be swapped for the same template's texts in the new language; the texts
// the admin wrote stay as they are and are listed, so nobody is surprised by a bot that speaks two
// languages. Pure.

/** Keys whose value is a text visitors read (a string or rich text). */
const TEXT_KEYS = new Set([
  'content',
  'prompt',
  'placeholder',
  'errorMessage',
  'label',
  'onlineMessage',
  'offlineMessage',
  'closingMessage',
  'titleTemplate',
  'subjectTemplate',
  'botName',
]);

type TText = string | TRichText;
/** A text of the document: where it is (stable across languages: ids, not indexes) and its value. */
type TTextAt = { path: string; nodeId: string | null; value: TText };

const isRichText = (value: unknown): value is TRichText =>
  typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'doc';

function keyOf(item: unknown, index: number): string {
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? `#${id}` : String(index);
}

/** Every visitor-facing text, with a path that names cards and buttons by id. */
function textsOf(doc: TPlaybookDocument): TTextAt[] {
  const found: TTextAt[] = [];
  const walk = (value: unknown, path: string, nodeId: string | null): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}/${keyOf(item, i)}`, nodeId));
      return;
    }
    if (typeof value !== 'object' || value === null || isRichText(value)) return;
    const ownId = path.startsWith('/flow/nodes/') && path.split('/').length === 4 ? path.slice(13) : nodeId;
    for (const [key, child] of Object.entries(value)) {
      const at = `${path}/${key}`;
      const text = typeof child === 'string' || isRichText(child);
      if (text && (TEXT_KEYS.has(key) || at === '/targeting/greeting/text'))
        found.push({ path: at, nodeId: ownId, value: child });
      else walk(child, at, ownId);
    }
  };
  walk(doc, '', null);
  return found;
}

const same = (a: TText, b: TText): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Each template text in `from` with the same template's text in `to`, by their exact value. */
function templateDictionary(from: TLanguage, to: TLanguage): Map<string, TText> {
  const dictionary = new Map<string, TText>();
  for (const template of Object.values(playbookTemplates)) {
    const there = new Map(textsOf(template.build(to)).map((t) => [t.path, t.value]));
    for (const text of textsOf(template.build(from))) {
      const translated = there.get(text.path);
      if (translated !== undefined) dictionary.set(JSON.stringify(text.value), translated);
    }
  }
  return dictionary;
}

export type TTextPlace = { nodeId: string | null; text: string };

export type TLanguageSwitch = {
  /** The document in `to`, with every untouched template text translated. */
  translated: TPlaybookDocument;
  /** How many texts the translation changes. */
  translatedCount: number;
  /** The texts that stay in the old language (the admin wrote or changed them), for the warning. */
  kept: TTextPlace[];
};

function plain(value: TText): string {
  return (typeof value === 'string' ? value : toPlainText(value)).trim();
}

function setAt(doc: unknown, path: string, value: TText): void {
  const parts = path.split('/').slice(1);
  let at = doc as Record<string, unknown> | unknown[];
  for (const part of parts.slice(0, -1)) {
    const next = Array.isArray(at)
      ? part.startsWith('#')
        ? at.find((item) => (item as { id?: unknown }).id === part.slice(1))
        : at[Number(part)]
      : at[part];
    at = next as Record<string, unknown> | unknown[];
  }
  (at as Record<string, unknown>)[parts.at(-1) as string] = value;
}

/**
 * What switching `doc` to `to` means for its texts: the translated document (template texts in
 * the new language, the language set) and the texts that would stay as they are.
 */
export function planLanguageSwitch(doc: TPlaybookDocument, to: TLanguage): TLanguageSwitch {
  const from = doc.appearance.language;
  const dictionary = from === to ? new Map<string, TText>() : templateDictionary(from, to);
  const translated = structuredClone(doc);
  translated.appearance.language = to;
  let translatedCount = 0;
  const kept: TTextPlace[] = [];
  for (const text of textsOf(doc)) {
    const replacement = dictionary.get(JSON.stringify(text.value));
    if (replacement !== undefined && !same(replacement, text.value)) {
      setAt(translated, text.path, replacement);
      translatedCount += 1;
    } else if (replacement === undefined && plain(text.value) !== '' && from !== to)
      kept.push({ nodeId: text.nodeId, text: plain(text.value) });
  }
  return { translated, translatedCount, kept };
}
