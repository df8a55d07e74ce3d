import type { EditorState } from '@tiptap/pm/state';

/**
 * The text around the caret in the composer's editor — the paragraph or list item holding it,
 * a line break read as "\n" — and where the caret is in it: what the canned-response picker reads
 * its `/shortcut` from (slash-query.ts). Null while a range is selected. Offsets in that text are
 * positions in the block (its inline nodes are text and line breaks, one position per character).
 */
export function caretText(state: EditorState): { text: string; caret: number; start: number } | null {
  const { $from, empty } = state.selection;
  if (!empty || !$from.parent.isTextblock) return null;
  const block = $from.parent;
  return {
    text: block.textBetween(0, block.content.size, undefined, '\n'),
    caret: $from.parentOffset,
    start: $from.start(),
  };
}

/** True when the caret is in a bullet list's item (Enter adds an item there). */
export function caretInList(state: EditorState): boolean {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth -= 1)
    if ($from.node(depth).type.name === 'listItem') return true;
  return false;
}
