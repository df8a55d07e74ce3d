import {
  forwardRef,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { TAttachmentDto, TRichText } from '@charla/protocol';
import { canSendTray, trayStatus } from '@charla/protocol/client';
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
import { useComposerText } from './use-composer-text';
import { AttachButton } from './files/attach-button';
import { pasteFiles } from './files/paste-files';
import { ApiError } from '../../lib/api-client';
import { UploadTray } from './files/upload-tray';
import { useUploadTray, type TUploadTray } from './files/use-upload-tray';

/** What the conversation view may ask of its composer: focus, and files dropped on the thread. */
export type ComposerHandle = { focus: () => void; addFiles?: (files: File[]) => void };
type Props = {
  conversationId: string;
  /** A reply: its text (an optional caption when files go with it) and the uploaded files. */
  onSend: (body: TRichText, attachments: TAttachmentDto[]) => void;
  onTyping: (active: boolean) => void;
  disabledReason?: string | null;
};

/**
 * The canned reply picker of the composer: its text replaces the `/shortcut`, its files join the
 * tray as uploaded (staged in this conversation), and a refusal joins the tray saying why.
 */
function useComposerCanned(
  conversationId: string,
  files: TUploadTray,
  text: Pick<Parameters<typeof useCannedPicker>[0], 'current' | 'replace'>,
) {
  const { t } = useTranslation();
  return useCannedPicker({
    conversationId,
    ...text,
    onFiles: (attachments) => files.addStored(conversationId, { files: attachments }),
    onFilesError: (error) =>
      files.addStored(conversationId, {
        name: t('files.cannedFiles'),
        error: error instanceof ApiError ? error.code : 'NETWORK',
      }),
  });
}

/**
 * What the composer does: edit, format, insert canned replies and links, attach files, send (with
 * typing signals).
 */
function useComposer({ conversationId, onSend, onTyping }: Props, files: TUploadTray) {
  const { t } = useTranslation();
  const { text, setText, areaRef, selection, select } = useComposerText(conversationId);
  const [linkOpen, setLinkOpen] = useState(false);
  const savedSelection = useRef<TextSelection | null>(null);
  const typing = useTypingSignal(onTyping, conversationId);
  const size = useMemo(() => composerSize(text), [text]);
  // Sendable once every picked file has settled (issue 17): a caption alone, files alone, or both.
  const canSend =
    size.problem === null && canSendTray(files.tray.files, isRichTextEmpty(size.body) ? '' : text);

  const onChange = (value: string) => {
    setText(value);
    typing.changed(value);
  };
  const apply = (next: TextSelection) => {
    select(next.start, next.end);
    onChange(next.text);
    areaRef.current?.focus();
  };
  const canned = useComposerCanned(conversationId, files, {
    current: () => ({
      text: areaRef.current?.value ?? text,
      caret: areaRef.current?.selectionStart ?? text.length,
    }),
    replace: (next, caret) => apply({ text: next, start: caret, end: caret }),
  });

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    // Over the limit nothing is sent: the counter under the box says why (the tray, for files).
    if (!canSend) return;
    onSend(size.body, trayStatus(files.tray.files).ready);
    files.clear();
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
    canSend,
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
  const files = useUploadTray(conversationId);
  const composer = useComposer(props, files);
  const { text, areaRef, size, canned } = composer;
  const addFiles = files.add;
  useImperativeHandle(ref, () => ({ focus: () => areaRef.current?.focus(), addFiles }), [areaRef, addFiles]);

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
      <UploadTray tray={files.tray} onRemove={files.remove} onRetry={files.retry} />
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
        onPaste={(e) => pasteFiles(e, addFiles)}
        aria-describedby={size.near || size.problem ? sizeId : undefined}
        aria-invalid={size.problem !== null}
        data-testid="composer-input"
      />
      <div className="composer__bar">
        <AttachButton onFiles={addFiles} />
        <ComposerToolbar onTool={composer.onTool} />
        <ComposerSizeHint size={size} id={sizeId} />
        <button
          type="submit"
          className="btn btn--primary btn--sm"
          disabled={!composer.canSend}
          data-testid="send"
        >
          <Icon name="send" size={15} />
          <span>{t('composer.send')}</span>
        </button>
      </div>
    </form>
  );
});
