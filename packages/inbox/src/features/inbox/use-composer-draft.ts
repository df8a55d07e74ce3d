import { useState } from 'react';
import type { TRichText } from '@charla/protocol';

const EMPTY: TRichText = { type: 'doc', content: [] };

/**
 * The drafts of this tab, one per conversation. Outside the component: the conversation view (and
 * its composer) is a new one for each conversation opened, and a draft outlives it.
 */
const drafts = new Map<string, TRichText>();

/**
 * The composer's draft (the editor's rich-text AST) for the conversation: kept when switching to
 * another one and put back in the editor when coming back.
 */
export function useComposerDraft(conversationId: string) {
  const [shown, setShown] = useState<{ id: string; doc: TRichText }>(() => ({
    id: conversationId,
    doc: drafts.get(conversationId) ?? EMPTY,
  }));
  const doc = shown.id === conversationId ? shown.doc : (drafts.get(conversationId) ?? EMPTY);
  const change = (next: TRichText) => {
    if (next.content.length === 0) drafts.delete(conversationId);
    else drafts.set(conversationId, next);
    setShown({ id: conversationId, doc: next });
  };
  return {
    doc,
    change,
    /** The draft right now, even before the change has rendered (Enter right after a keystroke). */
    latest: () => drafts.get(conversationId) ?? EMPTY,
    clear: () => change(EMPTY),
  };
}
