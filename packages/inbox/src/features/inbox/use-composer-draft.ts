import { useRef, useState } from 'react';
import type { TRichText } from '@charla/protocol';

const EMPTY: TRichText = { type: 'doc', content: [] };

/**
 * The composer's draft (the editor's rich-text AST), one per conversation: kept when switching
 * between them and put back in the editor when coming back.
 */
export function useComposerDraft(conversationId: string) {
  const drafts = useRef(new Map<string, TRichText>());
  const [shown, setShown] = useState<{ id: string; doc: TRichText }>({ id: conversationId, doc: EMPTY });
  const doc = shown.id === conversationId ? shown.doc : (drafts.current.get(conversationId) ?? EMPTY);
  const change = (next: TRichText) => {
    drafts.current.set(conversationId, next);
    setShown({ id: conversationId, doc: next });
  };
  return {
    doc,
    change,
    /** The draft right now, even before the change has rendered (Enter right after a keystroke). */
    latest: () => drafts.current.get(conversationId) ?? EMPTY,
    clear: () => change(EMPTY),
  };
}
