import { forwardRef, Suspense, useImperativeHandle, useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAttachmentDto, TRichText } from '@charla/protocol';
import { canSendTray, trayStatus } from '@charla/protocol/client';
import { RichTextUrlForm } from '../../components/rich-text/rich-text-url-form';
import { ApiError } from '../../lib/api-client';
import type { FocusRequest } from '../../lib/focus-request';
import { Icon } from '../../lib/icons';
import { isRichTextEmpty, toPlainText } from '../../lib/rich-text';
import { CannedPopup, cannedInputProps } from '../canned/canned-popup';
import { useCannedPicker } from '../canned/use-canned-picker';
import { LazyComposerEditor } from './composer-editor-loader';
import { handleComposerKey } from './composer-keys';
import { ComposerSizeHint } from './composer-size-hint';
import { ComposerToolbar, type ComposerTool } from './composer-toolbar';
import { AttachButton } from './files/attach-button';
import { pasteFiles } from './files/paste-files';
import { UploadTray } from './files/upload-tray';
import { useUploadTray, type TUploadTray } from './files/use-upload-tray';
import { composerSize } from './message-size';
import { useComposerDraft } from './use-composer-draft';
import { useEditorHandle } from './use-editor-handle';
import { useTypingSignal } from './use-typing-signal';

/**
 * What the conversation view may ask of its composer: focus (with a request, only if the
 * keyboard has not moved since it was made), and files dropped on the thread.
 */
export type ComposerHandle = { focus: (request?: FocusRequest) => void; addFiles?: (files: File[]) => void };
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
  const draft = useComposerDraft(conversationId);
  const editor = useEditorHandle();
  const { api } = editor;
  const typing = useTypingSignal(onTyping, conversationId);
  const size = useMemo(() => composerSize(draft.doc), [draft.doc]);
  // Sendable once every picked file has settled (issue 17): a caption alone, files alone, or both.
  const sendable = (check: ReturnType<typeof composerSize>) =>
    check.problem === null &&
    canSendTray(files.tray.files, isRichTextEmpty(check.body) ? '' : toPlainText(check.body));
  const canned = useComposerCanned(conversationId, files, {
    current: editor.caretText,
    replace: (range, inserted) => api.current?.replaceAtCaret(range, inserted),
  });

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    // Over the limit nothing is sent: the counter under the box says why (the tray, for files).
    const now = composerSize(draft.latest());
    if (!sendable(now)) return;
    onSend(now.body, trayStatus(files.tray.files).ready);
    files.clear();
    canned.sent();
    api.current?.clear();
    draft.clear();
    typing.stop();
  };
  const onKeyDown = (event: KeyboardEvent, inList: boolean): boolean =>
    handleComposerKey(event, inList, {
      picker: canned.onKeyDown,
      send: submit,
      leave: () => api.current?.blur(),
    });
  const onTool = (tool: ComposerTool) => {
    if (tool === 'canned') canned.openFromToolbar();
    else editor.format(tool);
  };
  const onChange = (doc: TRichText, text: string) => {
    draft.change(doc);
    typing.changed(text);
  };
  return {
    draft,
    editor,
    size,
    canSend: sendable(size),
    canned,
    submit,
    onTool,
    onKeyDown,
    onChange,
    typing,
  };
}

/**
 * The reply composer: the playbook card editor's WYSIWYG editor (R7: bold, italic, links, bullet
 * lists) with its toolbar and shortcuts, canned responses on `/`, files, and Enter to send.
 */
export const Composer = forwardRef<ComposerHandle, Props>(function Composer(props, ref) {
  const { conversationId, disabledReason } = props;
  const { t } = useTranslation();
  const files = useUploadTray(conversationId);
  const composer = useComposer(props, files);
  const { size, canned, editor } = composer;
  const { link } = editor;
  const addFiles = files.add;
  useImperativeHandle(ref, () => ({ focus: editor.focus, addFiles }), [editor.focus, addFiles]);

  if (disabledReason) {
    return (
      <div className="composer composer--disabled" data-testid="composer-disabled">
        <p>{disabledReason}</p>
      </div>
    );
  }

  const sizeId = `composer-size-${conversationId}`;
  const labelId = `composer-label-${conversationId}`;
  const aria = cannedInputProps(canned, conversationId);
  return (
    <form className="composer" onSubmit={composer.submit} data-testid="composer">
      <CannedPopup picker={canned} conversationId={conversationId} />
      {link.open && <RichTextUrlForm command="link" onInsert={link.insert} onCancel={link.cancel} />}
      <UploadTray tray={files.tray} onRemove={files.remove} onRetry={files.retry} />
      <span id={labelId} className="sr-only">
        {t('composer.label')}
      </span>
      <Suspense fallback={<div className="composer__input composer__input--loading" aria-hidden="true" />}>
        <LazyComposerEditor
          key={conversationId}
          initial={composer.draft.doc}
          placeholder={t('composer.placeholder')}
          attributes={{
            id: `composer-${conversationId}`,
            class: 'composer__input rich',
            'aria-multiline': 'true',
            'aria-labelledby': labelId,
            'aria-describedby': sizeId,
            'aria-invalid': String(size.problem !== null),
            'aria-placeholder': t('composer.placeholder'),
            'aria-autocomplete': aria['aria-autocomplete'],
            'aria-controls': aria['aria-controls'],
            'aria-activedescendant': aria['aria-activedescendant'],
            'data-testid': 'composer-input',
          }}
          onReady={editor.onReady}
          onChange={composer.onChange}
          onCaret={canned.sync}
          onActive={editor.setActive}
          onKeyDown={composer.onKeyDown}
          onLinkShortcut={link.ask}
          onPaste={(event) => pasteFiles(event, addFiles)}
          onBlur={composer.typing.stop}
        />
      </Suspense>
      <div className="composer__bar">
        <AttachButton onFiles={addFiles} />
        <ComposerToolbar active={editor.active} onTool={composer.onTool} />
        <ComposerSizeHint size={size} id={sizeId} inList={editor.active.list} />
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
