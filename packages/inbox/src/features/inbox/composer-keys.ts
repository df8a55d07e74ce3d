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

/** enterAction of a key pressed in a composer's editor (a DOM event: its fields are getters). */
export function enterActionOf(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'isComposing'>,
  inList: boolean,
): EnterAction | null {
  const { key, shiftKey, ctrlKey, metaKey, isComposing } = event;
  return enterAction({ key, shiftKey, ctrlKey, metaKey, isComposing, inList });
}

/**
 * A key in a composer's editor, before the editor acts on it: the open picker's keys first (the
 * canned list, the mention list), then Enter sends and Escape leaves the editor. True when handled.
 */
export function handleComposerKey(
  event: KeyboardEvent,
  inList: boolean,
  handlers: { picker: (event: KeyboardEvent) => boolean; send: () => void; leave: () => void },
): boolean {
  if (handlers.picker(event)) return true;
  if (enterActionOf(event, inList) === 'send') {
    event.preventDefault();
    handlers.send();
    return true;
  }
  if (event.key !== 'Escape') return false;
  handlers.leave();
  return true;
}
