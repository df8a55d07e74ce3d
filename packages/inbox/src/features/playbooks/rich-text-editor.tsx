import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { renderHtml, type TRichText } from '@charla/protocol';
import { applyCommand, editableText, richTextOf, type RichTextCommand } from './rich-text-editing';
import { RichTextToolbar } from './rich-text-toolbar';
import { RichTextUrlForm } from './rich-text-url-form';

type Pending = { command: 'link' | 'image'; start: number; end: number };

/** The Markdown text of the editor, its commands (toolbar and shortcuts) and a pending link or image. */
function useRichTextEditing(value: TRichText, onChange: (doc: TRichText) => void) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(() => editableText(value));
  const [pending, setPending] = useState<Pending | null>(null);

  // A value replaced from outside (another card opened) resets the text.
  const lastEmitted = useRef(value);
  useEffect(() => {
    if (value !== lastEmitted.current) setText(editableText(value));
  }, [value]);

  const update = (next: string, selection?: { start: number; end: number }) => {
    setText(next);
    const doc = richTextOf(next);
    lastEmitted.current = doc;
    onChange(doc);
    if (selection)
      requestAnimationFrame(() => {
        ref.current?.focus();
        ref.current?.setSelectionRange(selection.start, selection.end);
      });
  };

  const run = (command: RichTextCommand, extra?: { url: string; alt?: string }, at?: Pending) => {
    const el = ref.current;
    const start = at?.start ?? el?.selectionStart ?? text.length;
    const end = at?.end ?? el?.selectionEnd ?? text.length;
    const result = applyCommand({ text, start, end }, command, {
      placeholder: t(`playbooks.rich.placeholder.${command}`),
      url: extra?.url,
      alt: extra?.alt,
    });
    update(result.text, result);
  };

  const ask = (command: 'link' | 'image') => {
    const el = ref.current;
    setPending({ command, start: el?.selectionStart ?? text.length, end: el?.selectionEnd ?? text.length });
  };
  const insert = (at: Pending, url: string, alt: string) => {
    setPending(null);
    run(at.command, { url, alt }, at);
  };
  const onCommand = (command: RichTextCommand) =>
    command === 'link' || command === 'image' ? ask(command) : run(command);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!(event.metaKey || event.ctrlKey)) return;
    const key = event.key.toLowerCase();
    if (key === 'b' || key === 'i') {
      event.preventDefault();
      run(key === 'b' ? 'bold' : 'italic');
    } else if (key === 'k') {
      event.preventDefault();
      ask('link');
    }
  };

  return { t, ref, text, pending, setPending, update, onCommand, insert, onKeyDown };
}

/**
 * A message editor limited to bold, italic, links, bullet lists and images (R7): a Markdown
 * textarea with a toolbar and a live preview rendered by the one sanitising renderer. What it
 * stores is the parsed AST, so the preview is exactly what visitors get.
 */
export function RichTextEditor({
  label,
  value,
  onChange,
  hint,
  testId,
}: {
  label: string;
  value: TRichText;
  onChange: (doc: TRichText) => void;
  hint?: string;
  testId?: string;
}) {
  const { t, ref, text, pending, setPending, update, onCommand, insert, onKeyDown } = useRichTextEditing(
    value,
    onChange,
  );
  const id = useId();
  const preview = useMemo(() => renderHtml(richTextOf(text)), [text]);

  return (
    <div className="rte" data-testid={testId}>
      <label className="rte__label" htmlFor={id}>
        {label}
      </label>
      <div className="rte__box">
        <RichTextToolbar label={label} onCommand={onCommand} />
        {pending && (
          <RichTextUrlForm
            command={pending.command}
            onInsert={(url, alt) => insert(pending, url, alt)}
            onCancel={() => setPending(null)}
          />
        )}
        <textarea
          ref={ref}
          id={id}
          className="rte__input"
          rows={4}
          value={text}
          onChange={(e) => update(e.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={`${id}-hint`}
        />
        <div className="rte__preview">
          <span className="rte__preview-label">{t('playbooks.rich.preview')}</span>
          <div className="rich" dangerouslySetInnerHTML={{ __html: preview }} />
        </div>
      </div>
      <span id={`${id}-hint`} className="field__hint">
        {hint ?? t('playbooks.rich.hint')}
      </span>
    </div>
  );
}
