import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { TRichText } from '@charla/protocol';
import { fromEditorDoc, toEditorDoc } from '../../components/rich-text/editor-doc';
import { richTextExtensions } from '../../components/rich-text/editor-extensions';
import { activeFormats, insertLink, toggleFormat } from '../../components/rich-text/editor-commands';
import type { RichTextCommand } from '../../components/rich-text/rich-text-editing';
import { RichTextUrlForm } from '../../components/rich-text/rich-text-url-form';
import { RichTextToolbar } from './rich-text-toolbar';

export type TemplateVariable = { key: string; label: string };

/** The editor on `value`, reporting each change as the AST; a value replaced from outside is loaded. */
function useRichTextEditor(
  value: TRichText,
  onChange: (doc: TRichText) => void,
  attributes: Record<string, string>,
) {
  const [asking, setAsking] = useState<'link' | 'image' | null>(null);
  const emitted = useRef(value);
  const report = useRef(onChange);
  report.current = onChange;
  const extensions = useMemo(
    () => richTextExtensions({ placeholder: '', onLinkShortcut: () => setAsking('link') }),
    [],
  );
  const editor = useEditor({
    extensions,
    content: toEditorDoc(value),
    editorProps: { attributes },
    onUpdate: ({ editor: changed }) => {
      const doc = fromEditorDoc(changed.getJSON());
      emitted.current = doc;
      report.current(doc);
    },
  });
  useEffect(() => {
    if (!editor || value === emitted.current) return;
    emitted.current = value;
    editor.commands.setContent(toEditorDoc(value), { emitUpdate: false });
  }, [editor, value]);
  return { editor, asking, setAsking };
}

/**
 * What the bot says, edited as it will look (WYSIWYG, issue 18) and limited to R7's set: bold,
 * italic, links, bullet lists and images, with the usual shortcuts (Ctrl+B, Ctrl+I, Ctrl+K, Enter
 * continues a list). It stores the rich-text AST the server validates; `{{variables}}` show as
 * chips and are inserted from a picker.
 */
export function RichTextEditor(props: {
  label: string;
  value: TRichText;
  onChange: (doc: TRichText) => void;
  hint?: string;
  testId?: string;
  variables?: readonly TemplateVariable[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const { editor, asking, setAsking } = useRichTextEditor(props.value, props.onChange, {
    id,
    class: 'rte__input rich',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-labelledby': `${id}-label`,
    'aria-describedby': `${id}-hint`,
  });
  const active = useEditorState({ editor, selector: ({ editor: current }) => activeFormats(current) });

  const onCommand = (command: RichTextCommand) => {
    if (!editor) return;
    if (command === 'image') setAsking('image');
    else if (toggleFormat(editor, command) === 'ask') setAsking('link');
  };
  const insert = (url: string, alt: string) => {
    if (!editor || !asking) return;
    if (asking === 'link') insertLink(editor, url);
    else editor.chain().focus().setImage({ src: url, alt }).run();
    setAsking(null);
  };

  return (
    <div className="rte" data-testid={props.testId}>
      <span className="rte__label" id={`${id}-label`} onClick={() => editor?.commands.focus()}>
        {props.label}
      </span>
      <div className="rte__box">
        <RichTextToolbar
          label={props.label}
          active={active ?? activeFormats(null)}
          onCommand={onCommand}
          variables={props.variables ?? []}
          onVariable={(key) => editor?.chain().focus().insertContent(`{{${key}}}`).run()}
        />
        {asking && (
          <RichTextUrlForm
            command={asking}
            onInsert={insert}
            onCancel={() => {
              setAsking(null);
              editor?.commands.focus();
            }}
          />
        )}
        <EditorContent editor={editor} />
      </div>
      <span id={`${id}-hint`} className="field__hint">
        {props.hint ?? t('playbooks.rich.hint')}
      </span>
    </div>
  );
}
