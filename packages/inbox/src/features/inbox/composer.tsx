import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isAllowedLinkHref, type TRichText } from '@charla/protocol';
import { Icon } from '../../lib/icons';
import { isRichTextEmpty } from '../../lib/rich-text';
import { insertLink, isSendKey, toggleInline, toggleList, type TextSelection } from './composer-format';
import { composerSize } from './message-size';
import { CannedPopup, cannedInputProps } from '../canned/canned-popup';
import { useCannedPicker } from '../canned/use-canned-picker';

export type ComposerHandle = { focus: () => void };
type Props = {
  conversationId: string;
  onSend: (body: TRichText) => void;
  onTyping: (active: boolean) => void;
  disabledReason?: string | null;
};

const TYPING_REFRESH_MS = 3000;
const TYPING_IDLE_MS = 4000;

/** Markdown-subset composer: toolbar for bold, italic, link and list; Enter sends, Shift+Enter breaks the line. */
export const Composer = forwardRef<ComposerHandle, Props>(function Composer(
  { conversationId, onSend, onTyping, disabledReason },
  ref,
) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState('https://');
  const [linkError, setLinkError] = useState(false);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const pendingSelection = useRef<{ start: number; end: number } | null>(null);
  const lastTypingSent = useRef(0);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const savedSelection = useRef<TextSelection | null>(null);
  const drafts = useRef(new Map<string, string>());
  const size = useMemo(() => composerSize(text), [text]);

  useImperativeHandle(ref, () => ({ focus: () => areaRef.current?.focus() }), []);

  // Keep a draft per conversation when switching between them.
  useEffect(() => {
    setText(drafts.current.get(conversationId) ?? '');
    return () => {
      if (idleTimer.current) clearTimeout(idleTimer.current);
    };
  }, [conversationId]);
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

  const stopTyping = () => {
    if (idleTimer.current) clearTimeout(idleTimer.current);
    if (lastTypingSent.current !== 0) onTyping(false);
    lastTypingSent.current = 0;
  };

  const onChange = (value: string) => {
    setText(value);
    if (value.trim() === '') {
      stopTyping();
      return;
    }
    const now = Date.now();
    if (now - lastTypingSent.current > TYPING_REFRESH_MS) {
      onTyping(true);
      lastTypingSent.current = now;
    }
    if (idleTimer.current) clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const selection = (): TextSelection => {
    const el = areaRef.current;
    return { text, start: el?.selectionStart ?? text.length, end: el?.selectionEnd ?? text.length };
  };

  const apply = (next: TextSelection) => {
    pendingSelection.current = { start: next.start, end: next.end };
    onChange(next.text);
    areaRef.current?.focus();
  };

  const canned = useCannedPicker({
    conversationId,
    current: () => ({
      text: areaRef.current?.value ?? text,
      caret: areaRef.current?.selectionStart ?? text.length,
    }),
    replace: (next, caret) => apply({ text: next, start: caret, end: caret }),
  });

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    // Over the limit nothing is sent: the counter under the box says why.
    const { body, problem } = size;
    if (problem || isRichTextEmpty(body)) return;
    onSend(body);
    canned.sent();
    setText('');
    stopTyping();
  };

  const addLink = () => {
    const url = href.trim();
    if (!isAllowedLinkHref(url)) {
      setLinkError(true);
      return;
    }
    setLinkOpen(false);
    setLinkError(false);
    apply(insertLink(savedSelection.current ?? selection(), url, t('composer.linkText')));
  };

  if (disabledReason) {
    return (
      <div className="composer composer--disabled" data-testid="composer-disabled">
        <p>{disabledReason}</p>
      </div>
    );
  }

  return (
    <form className="composer" onSubmit={submit} data-testid="composer">
      <CannedPopup picker={canned} conversationId={conversationId} />
      {linkOpen && (
        <div className="composer__link" role="group" aria-label={t('composer.link')}>
          <label htmlFor="composer-link-url" className="sr-only">
            {t('composer.linkUrl')}
          </label>
          <input
            id="composer-link-url"
            type="url"
            value={href}
            autoFocus
            aria-invalid={linkError || undefined}
            aria-describedby={linkError ? 'composer-link-error' : undefined}
            onChange={(e) => setHref(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addLink();
              } else if (e.key === 'Escape') {
                e.stopPropagation();
                setLinkOpen(false);
                areaRef.current?.focus();
              }
            }}
          />
          <button type="button" className="btn btn--sm btn--primary" onClick={addLink}>
            {t('composer.addLink')}
          </button>
          <button type="button" className="btn btn--sm btn--ghost" onClick={() => setLinkOpen(false)}>
            {t('common.cancel')}
          </button>
          {linkError && (
            <span id="composer-link-error" className="field__error">
              {t('composer.linkInvalid')}
            </span>
          )}
        </div>
      )}
      <label htmlFor={`composer-${conversationId}`} className="sr-only">
        {t('composer.label')}
      </label>
      <textarea
        id={`composer-${conversationId}`}
        ref={areaRef}
        className="composer__input"
        rows={3}
        placeholder={t('composer.placeholder')}
        value={text}
        onChange={(e) => {
          onChange(e.target.value);
          canned.sync(e.target.value, e.target.selectionStart);
        }}
        onSelect={(e) => canned.sync(e.currentTarget.value, e.currentTarget.selectionStart)}
        onBlur={stopTyping}
        {...cannedInputProps(canned, conversationId)}
        onKeyDown={(e) => {
          if (canned.onKeyDown(e)) return;
          if (isSendKey({ key: e.key, shiftKey: e.shiftKey, isComposing: e.nativeEvent.isComposing })) {
            e.preventDefault();
            submit();
          } else if ((e.ctrlKey || e.metaKey) && (e.key === 'b' || e.key === 'i')) {
            e.preventDefault();
            apply(toggleInline(selection(), e.key === 'b' ? 'bold' : 'italic', t('composer.text')));
          } else if (e.key === 'Escape') {
            areaRef.current?.blur();
          }
        }}
        aria-describedby={size.near || size.problem ? `composer-size-${conversationId}` : undefined}
        aria-invalid={size.problem !== null}
        data-testid="composer-input"
      />
      <div className="composer__bar">
        <div className="composer__tools" role="toolbar" aria-label={t('composer.formatting')}>
          <button
            type="button"
            className="icon-btn"
            aria-label={t('composer.bold')}
            title={t('playbooks.rich.bold')}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => apply(toggleInline(selection(), 'bold', t('composer.text')))}
          >
            <Icon name="bold" size={16} />
          </button>
          <button
            type="button"
            className="icon-btn"
            aria-label={t('composer.italic')}
            title={t('playbooks.rich.italic')}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => apply(toggleInline(selection(), 'italic', t('composer.text')))}
          >
            <Icon name="italic" size={16} />
          </button>
          <button
            type="button"
            className="icon-btn"
            aria-label={t('composer.link')}
            title={t('composer.link')}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              savedSelection.current = selection();
              setHref('https://');
              setLinkError(false);
              setLinkOpen(true);
            }}
          >
            <Icon name="link" size={16} />
          </button>
          <button
            type="button"
            className="icon-btn"
            aria-label={t('composer.list')}
            title={t('composer.list')}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => apply(toggleList(selection()))}
          >
            <Icon name="list" size={16} />
          </button>
          <button
            type="button"
            className="icon-btn"
            aria-label={t('canned.insert')}
            title={t('canned.insertHint')}
            onMouseDown={(e) => e.preventDefault()}
            onClick={canned.openFromToolbar}
            data-testid="canned-button"
          >
            <Icon name="zap" size={16} />
          </button>
        </div>
        {size.near || size.problem ? (
          <span
            id={`composer-size-${conversationId}`}
            className={`composer__hint${size.problem ? ' composer__hint--over' : ''}`}
            aria-live="polite"
            data-testid="composer-size"
          >
            {size.problem === 'tooLong'
              ? t('composer.tooLong', {
                  n: (size.length - size.max).toLocaleString(i18n.language),
                  max: size.max.toLocaleString(i18n.language),
                })
              : size.problem === 'tooComplex'
                ? t('composer.tooComplex')
                : t('composer.charsLeft', { n: (size.max - size.length).toLocaleString(i18n.language) })}
          </span>
        ) : (
          <span className="composer__hint">{t('composer.hint')}</span>
        )}
        <button
          type="submit"
          className="btn btn--primary btn--sm"
          disabled={text.trim() === '' || size.problem !== null}
          data-testid="send"
        >
          <Icon name="send" size={15} />
          <span>{t('composer.send')}</span>
        </button>
      </div>
    </form>
  );
});
