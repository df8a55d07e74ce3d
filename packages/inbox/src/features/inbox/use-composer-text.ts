import { useEffect, useRef, useState } from 'react';
import type { TextSelection } from './composer-format';

/**
 * The text of the composer with a draft per conversation (kept when switching between them) and a
 * selection to restore after a formatting change re-renders it.
 */
export function useComposerText(conversationId: string) {
  const [text, setText] = useState('');
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const pendingSelection = useRef<{ start: number; end: number } | null>(null);
  const drafts = useRef(new Map<string, string>());
  useEffect(() => setText(drafts.current.get(conversationId) ?? ''), [conversationId]);
  useEffect(() => {
    drafts.current.set(conversationId, text);
  }, [conversationId, text]);
  useEffect(() => {
    const sel = pendingSelection.current;
    if (sel && areaRef.current) {
      areaRef.current.setSelectionRange(sel.start, sel.end);
      pendingSelection.current = null;
    }
  }, [text]);
  const selection = (): TextSelection => {
    const el = areaRef.current;
    return { text, start: el?.selectionStart ?? text.length, end: el?.selectionEnd ?? text.length };
  };
  const select = (start: number, end: number) => (pendingSelection.current = { start, end });
  return { text, setText, areaRef, selection, select };
}
