// Undo/redo for the playbook editor: a pure reducer over document snapshots. Documents are
// immutable (every edit in flow-mapping returns a new one), so a snapshot is just a reference.

export type EditHistory<T> = { past: T[]; present: T; future: T[] };

export type EditHistoryAction<T> =
  /** A document loaded or saved: history starts over. */
  | { type: 'reset'; doc: T }
  /** An edit the admin made: undoable. */
  | { type: 'edit'; doc: T }
  /** A change that is not the admin's edit (the first automatic layout): replaces, not undoable. */
  | { type: 'replace'; doc: T }
  | { type: 'undo' }
  | { type: 'redo' };

/** How many edits can be undone. */
export const HISTORY_LIMIT = 100;

export function startHistory<T>(doc: T): EditHistory<T> {
  return { past: [], present: doc, future: [] };
}

export function editHistory<T>(state: EditHistory<T>, action: EditHistoryAction<T>): EditHistory<T> {
  switch (action.type) {
    case 'reset':
      return startHistory(action.doc);
    case 'replace':
      return { ...state, present: action.doc };
    case 'edit':
      if (action.doc === state.present) return state;
      return {
        past: [...state.past, state.present].slice(-HISTORY_LIMIT),
        present: action.doc,
        future: [],
      };
    case 'undo': {
      const previous = state.past[state.past.length - 1];
      if (previous === undefined) return state;
      return { past: state.past.slice(0, -1), present: previous, future: [state.present, ...state.future] };
    }
    case 'redo': {
      const [next, ...rest] = state.future;
      if (next === undefined) return state;
      return { past: [...state.past, state.present], present: next, future: rest };
    }
  }
}

export const canUndo = (state: EditHistory<unknown>): boolean => state.past.length > 0;
export const canRedo = (state: EditHistory<unknown>): boolean => state.future.length > 0;

/** The history action a key press asks for: Ctrl/⌘+Z undoes, Ctrl/⌘+Shift+Z and Ctrl+Y redo. */
export function historyKey(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}
