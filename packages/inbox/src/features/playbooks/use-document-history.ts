import { useCallback, useEffect, useReducer } from 'react';
import type { TPlaybookDocument } from '@charla/protocol';
import {
  canRedo,
  canUndo,
  editHistory,
  historyKey,
  startHistory,
  type EditHistory,
  type EditHistoryAction,
} from './edit-history';

type Doc = TPlaybookDocument;

function reducer(state: EditHistory<Doc> | null, action: EditHistoryAction<Doc>): EditHistory<Doc> | null {
  if (action.type === 'reset') return startHistory(action.doc);
  return state ? editHistory(state, action) : state;
}

/** Keys typed into a field undo the field's own text, not the playbook. */
function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * The editor's document with undo/redo (Ctrl/⌘+Z, Ctrl/⌘+Shift+Z, Ctrl+Y) for every edit.
 * `onEdit` runs for each edit, undo and redo (the editor marks itself unsaved).
 */
export function useDocumentHistory(onEdit: () => void) {
  const [history, dispatch] = useReducer(reducer, null);
  const reset = useCallback((doc: Doc) => dispatch({ type: 'reset', doc }), []);
  const replace = useCallback((doc: Doc) => dispatch({ type: 'replace', doc }), []);
  const edit = useCallback(
    (doc: Doc) => {
      dispatch({ type: 'edit', doc });
      onEdit();
    },
    [onEdit],
  );
  const step = useCallback(
    (type: 'undo' | 'redo') => {
      dispatch({ type });
      onEdit();
    },
    [onEdit],
  );
  const undoable = history !== null && canUndo(history);
  const redoable = history !== null && canRedo(history);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = historyKey(event);
      if (!action || typingIn(event.target) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      if (action === 'undo' ? undoable : redoable) step(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undoable, redoable, step]);

  return {
    doc: history?.present ?? null,
    reset,
    replace,
    edit,
    undo: () => step('undo'),
    redo: () => step('redo'),
    canUndo: undoable,
    canRedo: redoable,
  };
}
