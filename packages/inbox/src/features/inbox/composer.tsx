import {
  forwardRef,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { TRichText } from '@charla/protocol';
import { Icon } from '../../lib/icons';
import { isRichTextEmpty } from '../../lib/rich-text';
import { CannedPopup, cannedInputProps } from '../canned/canned-popup';
import { useCannedPicker } from '../canned/use-canned-picker';
import { insertLink, isSendKey, toggleInline, toggleList, type TextSelection } from './composer-format';
import { ComposerLinkForm } from './composer-link-form';
import { ComposerSizeHint } from './composer-size-hint';
import { ComposerToolbar, type ComposerTool } from './composer-toolbar';
import { composerSize } from './message-size';
import { useTypingSignal } from './use-typing-signal';

export type ComposerHandle = { focus: () => void };
type Props = {
  conversationId: string;
  onSend: (body: TRichText) => void;
  onTyping: (active: boolean) => void;
  disabledReason?: string | null;
};

/**
 * The text of the composer with a draft per conversation (kept when switching between them) and a
 * selection to restore after a formatting change re-renders it.
 */
function useComposerText(conversationId: string) {
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

/** What the composer does: edit, format, insert canned replies and links, send (with typing signals). */
function useComposer({ conversationId, onSend, onTyping }: Props) {
  const { t } = useTranslation();
  const { text, setText, areaRef, selection, select } = useComposerText(conversationId);
  const [linkOpen, setLinkOpen] = useState(false);
  const savedSelection = useRef<TextSelection | null>(null);
  const typing = useTypingSignal(onTyping, conversationId);
  const size = useMemo(() => composerSize(text), [text]);

  const onChange = (value: string) => {
    setText(value);
    typing.changed(value);
  };
  const apply = (next: TextSelection) => {
    select(next.start, next.end);
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
    if (size.problem || isRichTextEmpty(size.body)) return;
    onSend(size.body);
    canned.sent();
    setText('');
    typing.stop();
  };
  const closeLink = () => {
    setLinkOpen(false);
    areaRef.current?.focus();
  };
  const onTool = (tool: ComposerTool) => {
    if (tool === 'bold' || tool === 'italic') apply(toggleInline(selection(), tool, t('composer.text')));
    else if (tool === 'list') apply(toggleList(selection()));
    else if (tool === 'canned') canned.openFromToolbar();
    else {
      savedSelection.current = selection();
      setLinkOpen(true);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (canned.onKeyDown(e)) return;
    if (isSendKey({ key: e.key, shiftKey: e.shiftKey, isComposing: e.nativeEvent.isComposing })) {
      e.preventDefault();
      submit();
    } else if ((e.ctrlKey || e.metaKey) && (e.key === 'b' || e.key === 'i')) {
      e.preventDefault();
      onTool(e.key === 'b' ? 'bold' : 'italic');
    } else if (e.key === 'Escape') {
      areaRef.current?.blur();
    }
  };
  const addLink = (url: string) => {
    setLinkOpen(false);
    apply(insertLink(savedSelection.current ?? selection(), url, t('composer.linkText')));
  };
  return {
    text,
    areaRef,
    linkOpen,
    size,
    onChange,
    canned,
    submit,
    closeLink,
    onTool,
    onKeyDown,
    addLink,
    typing,
  };
}

/** Markdown-subset composer: toolbar for bold, italic, link and list; Enter sends, Shift+Enter breaks the line. */
export const Composer = forwardRef<ComposerHandle, Props>(function Composer(props, ref) {
  const { conversationId, disabledReason } = props;
  const { t } = useTranslation();
  const composer = useComposer(props);
  const { text, areaRef, size, canned } = composer;
  useImperativeHandle(ref, () => ({ focus: () => areaRef.current?.focus() }), [areaRef]);

  if (disabledReason) {
    return (
      <div className="composer composer--disabled" data-testid="composer-disabled">
        <p>{disabledReason}</p>
      </div>
    );
  }

  const sizeId = `composer-size-${conversationId}`;
  return (
    <form className="composer" onSubmit={composer.submit} data-testid="composer">
      <CannedPopup picker={canned} conversationId={conversationId} />
      {composer.linkOpen && <ComposerLinkForm onClose={composer.closeLink} onAdd={composer.addLink} />}
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
          composer.onChange(e.target.value);
          canned.sync(e.target.value, e.target.selectionStart);
        }}
        onSelect={(e) => canned.sync(e.currentTarget.value, e.currentTarget.selectionStart)}
        onBlur={composer.typing.stop}
        {...cannedInputProps(canned, conversationId)}
        onKeyDown={composer.onKeyDown}
        aria-describedby={size.near || size.problem ? sizeId : undefined}
        aria-invalid={size.problem !== null}
        data-testid="composer-input"
      />
      <div className="composer__bar">
        <ComposerToolbar onTool={composer.onTool} />
        <ComposerSizeHint size={size} id={sizeId} />
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
