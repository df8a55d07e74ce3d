import { useCallback, useRef, useState } from 'react';
import type { ActiveFormats } from '../../components/rich-text/rich-text-editing';
import type { ComposerTool } from './composer-toolbar';
import type { ComposerEditorApi } from './composer-editor-api';
import type { FocusRequest } from '../../lib/focus-request';

const NO_FORMATS: ActiveFormats = { bold: false, italic: false, link: false, list: false, image: false };

/** A focus the user asked for (a shortcut, a button): it always happens. */
const ASKED_BY_USER = 'user';

/**
 * A composer's editor once its chunk has loaded (a focus asked before then happens on arrival,
 * unless the app asked and the user has put the keyboard elsewhere since),
 * the formats at its selection, and the link address form its toolbar and Ctrl+K open. The reply
 * and the private-note composers share it.
 */
export function useEditorHandle() {
  const api = useRef<ComposerEditorApi | null>(null);
  const focusOnArrival = useRef<FocusRequest | typeof ASKED_BY_USER | null>(null);
  const [active, setActive] = useState<ActiveFormats>(NO_FORMATS);
  const [linkOpen, setLinkOpen] = useState(false);
  const onReady = useCallback((ready: ComposerEditorApi | null) => {
    api.current = ready;
    const request = focusOnArrival.current;
    focusOnArrival.current = null;
    if (ready && request) ready.focus(request === ASKED_BY_USER ? undefined : request);
  }, []);
  /** Focuses the editor; with a request (the app's own move), only if the keyboard has not moved since. */
  const focus = useCallback((request?: FocusRequest) => {
    if (api.current) api.current.focus(request);
    else focusOnArrival.current = request ?? ASKED_BY_USER;
  }, []);
  const link = {
    open: linkOpen,
    ask: () => setLinkOpen(true),
    insert: (url: string) => {
      setLinkOpen(false);
      api.current?.insertLink(url);
    },
    cancel: () => {
      setLinkOpen(false);
      api.current?.focus();
    },
  };
  /** A toolbar format button; the link asks for its address when nothing is selected. */
  const format = (tool: Exclude<ComposerTool, 'canned'>) => {
    if (api.current?.format(tool) === 'ask') setLinkOpen(true);
  };
  /** The text around the caret, or nothing while the editor loads. */
  const caretText = () => api.current?.caretText() ?? { text: '', caret: 0 };
  return { api, active, setActive, onReady, focus, link, format, caretText };
}
export type EditorHandle = ReturnType<typeof useEditorHandle>;
