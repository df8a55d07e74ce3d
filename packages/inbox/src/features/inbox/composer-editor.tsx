import { useEffect, useMemo, useRef } from 'react';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { Extension, type JSONContent } from '@tiptap/core';
import { activeFormats, insertLink, toggleFormat } from '../../components/rich-text/editor-commands';
import { fromEditorDoc, toEditorDoc } from '../../components/rich-text/editor-doc';
import { richTextExtensions } from '../../components/rich-text/editor-extensions';
import { mayTakeFocus } from '../../lib/focus-request';
import { parseMarkdown } from '../../lib/rich-text';
import { caretInList, caretText } from './composer-caret';
import type { ComposerEditorApi, ComposerEditorProps } from './composer-editor-api';
import './composer-editor.css';

/**
 * Shift+Enter in the composer starts a new line as a new paragraph (in a list: a new item), where
 * "- " starts a list as anywhere else. Enter itself sends (composer-keys.ts). Before the hard break
 * the card editor gives Shift+Enter.
 */
const NewLine = Extension.create({
  name: 'composerNewLine',
  priority: 1000,
  addKeyboardShortcuts: () => ({
    'Shift-Enter': ({ editor }) =>
      editor.isActive('listItem') ? editor.commands.splitListItem('listItem') : editor.commands.splitBlock(),
  }),
});

/** A response's Markdown as editor content: one paragraph goes into the line, more as blocks. */
function markdownContent(markdown: string): JSONContent[] {
  const blocks = toEditorDoc(parseMarkdown(markdown)).content ?? [];
  const [first] = blocks;
  return blocks.length === 1 && first?.type === 'paragraph' ? (first.content ?? []) : blocks;
}

const clean = (attributes: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(attributes).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );

function editorApi(editor: Editor): ComposerEditorApi {
  const caret = () => caretText(editor.state);
  return {
    // TipTap focuses a frame later: the app's own move checks the keyboard then, not before.
    focus: (request) =>
      request
        ? requestAnimationFrame(() => {
            if (!editor.isDestroyed && mayTakeFocus(request)) editor.view.focus();
          })
        : editor.commands.focus(),
    blur: () => editor.commands.blur(),
    format: (command) => toggleFormat(editor, command),
    insertLink: (url) => insertLink(editor, url),
    caretText: () => caret() ?? { text: '', caret: 0 },
    replaceAtCaret: (range, inserted) => {
      const at = caret();
      const from = at ? at.start + range.start : editor.state.selection.from;
      const to = at ? at.start + range.end : editor.state.selection.to;
      const content =
        'text' in inserted ? [{ type: 'text', text: inserted.text }] : markdownContent(inserted.markdown);
      editor.chain().focus().insertContentAt({ from, to }, content).run();
    },
    clear: () => editor.commands.clearContent(true),
  };
}

/**
 * The reply composer's editor: TipTap with R7's set (the playbook card editor's extensions), the
 * composer's keys first (Enter sends, the canned list's keys, Escape), files pasted to the tray.
 * Loaded lazily (composer-editor-loader.ts); the composer keys it by conversation.
 */
export function ComposerEditor(props: ComposerEditorProps) {
  const handlers = useRef(props);
  handlers.current = props;
  const extensions = useMemo(
    () => [
      ...richTextExtensions({
        placeholder: props.placeholder,
        onLinkShortcut: () => handlers.current.onLinkShortcut(),
        templates: false,
      }),
      NewLine,
    ],
    [props.placeholder],
  );
  const editor = useEditor({
    extensions,
    content: toEditorDoc(props.initial),
    // Options apply again at each render (TipTap's useEditor): the ARIA follows the composer.
    editorProps: {
      attributes: clean(props.attributes),
      handleKeyDown: (view, event) => handlers.current.onKeyDown(event, caretInList(view.state)),
      handlePaste: (_view, event) => handlers.current.onPaste(event),
    },
    onUpdate: ({ editor: changed }) => {
      handlers.current.onChange(fromEditorDoc(changed.getJSON()), changed.getText());
    },
    onTransaction: ({ editor: changed, transaction }) => {
      const at = caretText(changed.state);
      handlers.current.onCaret(at?.text ?? '', at?.caret ?? 0, transaction.docChanged);
    },
    onBlur: () => handlers.current.onBlur(),
  });
  const active = useEditorState({ editor, selector: ({ editor: current }) => activeFormats(current) });
  useEffect(() => {
    if (active) handlers.current.onActive(active);
  }, [active]);
  useEffect(() => {
    if (!editor) return;
    handlers.current.onReady(editorApi(editor));
    return () => handlers.current.onReady(null);
  }, [editor]);
  return <EditorContent editor={editor} />;
}
