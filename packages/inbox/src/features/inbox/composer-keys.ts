/** What Enter does in the reply composer. */
export type EnterAction = 'send' | 'editor';

/**
 * Enter sends; Shift+Enter starts a new line (the editor's: a paragraph, or an item in a list).
 * In a bullet list Enter adds an item (on an empty item it ends the list), as in the playbook card
 * editor: there Ctrl+Enter (⌘+Enter) sends. While an IME composes, Enter belongs to the IME.
 * 'editor' leaves the key to the editor.
 */
export function enterAction(event: {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  isComposing: boolean;
  inList: boolean;
}): EnterAction | null {
  if (event.key !== 'Enter' || event.isComposing) return null;
  if (event.shiftKey) return 'editor';
  if (event.ctrlKey || event.metaKey) return 'send';
  return event.inList ? 'editor' : 'send';
}
