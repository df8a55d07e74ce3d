import { formatFileSize, isRetryableUpload, type TTrayFile } from '@charla/protocol/client';
import type { TTextKey, TTranslate } from '../i18n';
import { h, icon, ICONS } from './dom';

export type TTrayActions = {
  removeFile: (localId: string) => void;
  retryFile: (localId: string) => void;
  previewOf: (localId: string) => string | null;
};

/** What a failed upload says, from its error code (the catalogue's, or NETWORK). */
export function uploadErrorKey(code: string | null): TTextKey {
  switch (code) {
    case 'ATTACHMENT_TOO_LARGE':
      return 'uploadTooLarge';
    case 'ATTACHMENT_TYPE_NOT_ALLOWED':
    case 'ATTACHMENT_POLYGLOT':
      return 'uploadType';
    case 'ATTACHMENT_UNREADABLE':
    case 'ATTACHMENT_INCOMPLETE':
      return 'uploadUnreadable';
    case 'ATTACHMENT_QUOTA_EXCEEDED':
      return 'uploadQuota';
    case 'RATE_LIMITED':
      return 'uploadLimited';
    case 'NETWORK':
      return 'uploadNetwork';
    case 'CONVERSATION_CLOSED':
    case 'INVALID_TRANSITION':
      return 'uploadClosed';
    default:
      return 'uploadFailed';
  }
}

function trayItem(t: TTranslate, actions: TTrayActions, file: TTrayFile, thumb: HTMLElement): HTMLElement {
  const failed = file.state === 'failed';
  const percent = Math.round(file.progress * 100);
  const status =
    file.state === 'uploading'
      ? t('uploading', { percent: String(percent) })
      : failed
        ? t(uploadErrorKey(file.error))
        : formatFileSize(file.size);
  const uploading = file.state === 'uploading';
  return h(
    'li',
    { class: `tray-item${failed ? ' failed' : ''}` },
    failed ? h('span', { class: 'tray-thumb tray-icon' }, icon(ICONS.alert)) : thumb,
    h(
      'span',
      { class: 'tray-text' },
      h('span', { class: 'tray-name', title: file.name }, file.name),
      h('span', { class: 'tray-status', role: failed ? 'alert' : null }, status),
      uploading
        ? h('progress', {
            max: 100,
            value: percent,
            'aria-label': t('uploading', { percent: String(percent) }),
          })
        : null,
    ),
    isRetryableUpload(file)
      ? h(
          'button',
          { type: 'button', class: 'link-btn tray-retry', onclick: () => actions.retryFile(file.localId) },
          t('retry'),
        )
      : null,
    h(
      'button',
      {
        type: 'button',
        class: 'tray-remove',
        'aria-label': t(uploading ? 'cancelUpload' : 'removeFile', { name: file.name }),
        title: t(uploading ? 'cancelUpload' : 'removeFile', { name: file.name }),
        onclick: () => actions.removeFile(file.localId),
      },
      icon(ICONS.close),
    ),
  );
}

/** A paperclip button and its hidden file input: several images or PDFs at once. */
export function attachButton(t: TTranslate, onFiles: (files: File[]) => void): HTMLElement {
  const input = h('input', {
    type: 'file',
    multiple: true,
    accept: 'image/png,image/jpeg,image/gif,image/webp,application/pdf',
    class: 'sr',
    tabindex: '-1',
    'aria-hidden': 'true',
    onchange: () => {
      onFiles(Array.from(input.files ?? []));
      // The same file picked again (after removing it) must fire `change` again.
      input.value = '';
    },
  });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'attach',
      'aria-label': t('attach'),
      title: t('attach'),
      onclick: () => input.click(),
    },
    icon(ICONS.attach),
  );
  return h('span', { class: 'attach-wrap' }, input, button);
}

/** The files picked for the next message, above the text box; redrawn only when they change. */
export function createTrayView(t: TTranslate, actions: TTrayActions) {
  const list = h('ul', { class: 'tray', 'aria-label': t('trayLabel'), hidden: true });
  const note = h('p', { class: 'tray-note', role: 'status', hidden: true });
  let drawn: readonly TTrayFile[] = [];
  // Kept across redraws (progress redraws often): a preview is decoded once and never flickers.
  const thumbs = new Map<string, HTMLElement>();
  const thumbOf = (file: TTrayFile): HTMLElement => {
    let thumb = thumbs.get(file.localId);
    if (!thumb) {
      const preview = actions.previewOf(file.localId);
      thumb = preview
        ? h('img', { class: 'tray-thumb', src: preview, alt: '' })
        : h('span', { class: 'tray-thumb tray-icon' }, icon(ICONS.file));
      thumbs.set(file.localId, thumb);
    }
    return thumb;
  };
  return {
    el: h('div', {}, note, list),
    render(tray: readonly TTrayFile[]): void {
      if (tray === drawn) return;
      drawn = tray;
      list.hidden = tray.length === 0;
      for (const localId of thumbs.keys())
        if (!tray.some((file) => file.localId === localId)) thumbs.delete(localId);
      list.replaceChildren(...tray.map((file) => trayItem(t, actions, file, thumbOf(file))));
      if (tray.length === 0) note.hidden = true;
    },
    /** "Up to 10 files per message" after a pick went over the limit. */
    sayLeftOut(max: number): void {
      note.hidden = false;
      note.textContent = t('tooManyFiles', { count: String(max) });
    },
  };
}
