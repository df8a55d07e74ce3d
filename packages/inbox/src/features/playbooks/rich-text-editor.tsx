import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { renderHtml, type TRichText } from '@charla/protocol';
import { Icon } from '../../lib/icons';
import { AdminIcon } from './admin-icons';
import {
  applyCommand,
  editableText,
  richTextOf,
  urlProblem,
  type RichTextCommand,
} from './rich-text-editing';

type Pending = { command: 'link' | 'image'; start: number; end: number };

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
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(() => editableText(value));
  const [pending, setPending] = useState<Pending | null>(null);
  const [url, setUrl] = useState('');
  const [alt, setAlt] = useState('');
  const [urlError, setUrlError] = useState(false);
  const preview = useMemo(() => renderHtml(richTextOf(text)), [text]);

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
    setUrl('');
    setAlt('');
    setUrlError(false);
  };

  const confirm = () => {
    if (!pending) return;
    const trimmed = url.trim();
    if (urlProblem(pending.command, trimmed)) {
      setUrlError(true);
      return;
    }
    setPending(null);
    run(pending.command, { url: trimmed, alt: alt.trim() }, pending);
  };

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

  const tools: { command: RichTextCommand; icon: ReactNode; label: string }[] = [
    { command: 'bold', icon: <Icon name="bold" size={16} />, label: t('playbooks.rich.bold') },
    { command: 'italic', icon: <Icon name="italic" size={16} />, label: t('playbooks.rich.italic') },
    { command: 'link', icon: <Icon name="link" size={16} />, label: t('playbooks.rich.link') },
    { command: 'list', icon: <Icon name="list" size={16} />, label: t('playbooks.rich.list') },
    { command: 'image', icon: <AdminIcon name="image" size={16} />, label: t('playbooks.rich.image') },
  ];

  return (
    <div className="rte" data-testid={testId}>
      <label className="rte__label" htmlFor={id}>
        {label}
      </label>
      <div className="rte__box">
        <div className="rte__toolbar" role="toolbar" aria-label={t('playbooks.rich.toolbar', { label })}>
          {tools.map((tool) => (
            <button
              key={tool.command}
              type="button"
              className="icon-btn icon-btn--sm rte__tool"
              aria-label={tool.label}
              title={tool.label}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() =>
                tool.command === 'link' || tool.command === 'image' ? ask(tool.command) : run(tool.command)
              }
            >
              {tool.icon}
            </button>
          ))}
        </div>
        {pending && (
          <div className="rte__url" role="group" aria-label={t(`playbooks.rich.${pending.command}`)}>
            <input
              type="url"
              autoFocus
              aria-label={
                pending.command === 'link' ? t('playbooks.rich.linkUrl') : t('playbooks.rich.imageUrl')
              }
              placeholder={pending.command === 'link' ? 'https://' : 'https://…/image.png'}
              value={url}
              aria-invalid={urlError}
              onChange={(e) => {
                setUrl(e.target.value);
                setUrlError(false);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  confirm();
                } else if (e.key === 'Escape') {
                  e.preventDefault();
                  e.stopPropagation();
                  setPending(null);
                }
              }}
            />
            {pending.command === 'image' && (
              <input
                aria-label={t('playbooks.rich.imageAlt')}
                placeholder={t('playbooks.rich.imageAlt')}
                value={alt}
                onChange={(e) => setAlt(e.target.value)}
              />
            )}
            <button type="button" className="btn btn--sm btn--primary" onClick={confirm}>
              {t('playbooks.rich.insert')}
            </button>
            <button type="button" className="btn btn--sm btn--ghost" onClick={() => setPending(null)}>
              {t('common.cancel')}
            </button>
            {urlError && (
              <span className="field__error" role="alert">
                {pending.command === 'link' ? t('playbooks.rich.badLink') : t('playbooks.rich.badImage')}
              </span>
            )}
          </div>
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
