import { foldForSearch, MAX_CANNED_SHORTCUT } from '@charla/protocol';

/** A shortcut suggested from a title: "Precios 2025 (EU)" → "precios-2025-eu". */
export function shortcutFromTitle(title: string): string {
  return foldForSearch(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_CANNED_SHORTCUT)
    .replace(/-+$/, '');
}

/** What the shortcut field keeps of what is typed: lowercase, no accents, no spaces. */
export function cleanShortcutInput(value: string): string {
  return foldForSearch(value)
    .replace(/^\/+/, '')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, MAX_CANNED_SHORTCUT);
}

/** True when `body` and `query` (folded) meet in the title, the shortcut or the text. */
export function cannedMatchesSearch(
  response: { title: string; shortcut: string; body: string },
  query: string,
) {
  const q = foldForSearch(query.trim());
  return (
    q === '' ||
    [response.title, response.shortcut, response.body].some((field) => foldForSearch(field).includes(q))
  );
}
