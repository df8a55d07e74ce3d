// The `/pri` the user is typing in the composer: a slash at the start of a word (start of the
// text or after whitespace) followed by the caret, with no space in between. `a/b` in a URL or
// "and/or" is no command.

export type SlashQuery = { start: number; end: number; query: string };

const MAX_QUERY = 40;

/** The slash word that ends at the caret, or null. */
export function findSlashQuery(text: string, caret: number): SlashQuery | null {
  const before = text.slice(0, caret);
  const slash = before.lastIndexOf('/');
  if (slash === -1) return null;
  const query = before.slice(slash + 1);
  if (/\s|\//.test(query) || query.length > MAX_QUERY) return null;
  if (slash > 0 && !/\s/.test(before[slash - 1] ?? '')) return null;
  return { start: slash, end: caret, query };
}

/**
 * What opening the list from the toolbar types at the caret: a slash, with a space before it when
 * the caret is inside a word, so the popup opens the same way as when typing.
 */
export function slashToInsert(text: string, caret: number): string {
  return caret > 0 && !/\s/.test(text[caret - 1] ?? '') ? ' /' : '/';
}

/** What a key does while the list is open: move by ±1, pick, close, or nothing (the composer's). */
export function listKeyAction(
  event: { key: string; shiftKey: boolean },
  count: number,
): 1 | -1 | 'pick' | 'close' | null {
  if (event.key === 'Escape') return 'close';
  if (count === 0) return null;
  if (event.key === 'ArrowDown') return 1;
  if (event.key === 'ArrowUp') return -1;
  if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey) return 'pick';
  return null;
}
