import { useEffect } from 'react';
import type { TPlaybookDocument } from '@charla/protocol';
import { clipboardKey, copyCards, pasteCards, type CardClipboard } from './card-clipboard';

/** Copied cards, kept for this tab so they can be pasted into another playbook too. */
let clipboard: CardClipboard | null = null;

/** Whether a key press belongs to something else: a field, an open dialog, or selected text. */
function busy(target: EventTarget | null): boolean {
  if (document.querySelector('dialog[open]')) return true;
  if ((window.getSelection()?.toString() ?? '') !== '') return true;
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** Ctrl/⌘+C copies the selected cards, Ctrl/⌘+V pastes them as new cards (an undoable edit). */
export function useCardClipboard(
  doc: TPlaybookDocument | null,
  selected: readonly string[],
  onPaste: (next: TPlaybookDocument) => void,
): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = clipboardKey(event);
      if (!action || !doc || busy(event.target)) return;
      if (action === 'copy') {
        const copied = copyCards(doc, selected);
        if (!copied) return;
        clipboard = copied;
      } else {
        if (!clipboard) return;
        onPaste(pasteCards(doc, clipboard).doc);
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [doc, selected, onPaste]);
}
