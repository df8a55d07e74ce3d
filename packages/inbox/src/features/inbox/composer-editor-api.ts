import type { TRichText } from '@charla/protocol';
import type { ActiveFormats } from '../../components/rich-text/rich-text-editing';
import type { FocusRequest } from '../../lib/focus-request';

// The reply composer's editor as the composer sees it. Types only: the editor itself (TipTap) is
// a chunk loaded when a conversation opens (composer-editor-loader.ts), not in the first load.

/** What the composer asks of its editor once it has loaded. */
export type ComposerEditorApi = {
  /** With a request (the app's own move), only if the keyboard is still where it was then. */
  focus: (request?: FocusRequest) => void;
  blur: () => void;
  /** Bold, italic or the list on the selection; 'ask' when a link needs its address first. */
  format: (command: 'bold' | 'italic' | 'list' | 'link') => 'ask' | null;
  /** A link to `url` on the selection, or the address itself as a link when nothing is selected. */
  insertLink: (url: string) => void;
  /** The text of the paragraph holding the caret and the caret's offset in it (composer-caret.ts). */
  caretText: () => { text: string; caret: number };
  /** Replaces `range` of that text with Markdown (shown formatted) or plain text. */
  replaceAtCaret: (
    range: { start: number; end: number },
    inserted: { markdown: string } | { text: string },
  ) => void;
  /** Empties the editor (after a send). */
  clear: () => void;
};

export type ComposerEditorProps = {
  /** The draft to start from (kept per conversation by the composer). */
  initial: TRichText;
  placeholder: string;
  /** The editable element's id, ARIA and test attributes. */
  attributes: Record<string, string | undefined>;
  onReady: (api: ComposerEditorApi | null) => void;
  /** Every change: the AST (what is sent) and its plain text (for the typing signal). */
  onChange: (doc: TRichText, text: string) => void;
  /**
   * The text around the caret after every change or move (the canned `/` and mention `@`
   * triggers); `typed` when the text changed, not only the caret.
   */
  onCaret: (text: string, caret: number, typed: boolean) => void;
  onActive: (formats: ActiveFormats) => void;
  /** A key before the editor acts on it; true when the composer handled it. */
  onKeyDown: (event: KeyboardEvent, inList: boolean) => boolean;
  onLinkShortcut: () => void;
  /** A paste; true when it carried files the composer took (they join the tray). */
  onPaste: (event: ClipboardEvent) => boolean;
  onBlur: () => void;
};
