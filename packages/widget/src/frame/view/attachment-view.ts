import type { TAttachmentDto, TMessageDto } from '@charla/protocol';
import { attachmentTypeLabel, formatFileSize } from '@charla/protocol/client';
import type { TTranslate } from '../i18n';
import { h, icon, ICONS } from './dom';
import { openLightbox } from './lightbox';

/** Signed links to the conversation's files (the shared link cache): reused while valid, or fresh. */
export type TFileLinks = {
  get: (conversationId: string, attachmentId: string) => Promise<string>;
  fresh: (conversationId: string, attachmentId: string) => Promise<string>;
};

/** The widest and tallest a thumbnail is drawn, in CSS pixels (the message list is ~300 px wide). */
const THUMB = { width: 220, height: 260 };

/** The drawn size of an image: its own, scaled down to fit, so the list does not jump when it loads. */
export function thumbSize(file: Pick<TAttachmentDto, 'width' | 'height'>): { width: number; height: number } {
  const width = file.width ?? THUMB.width;
  const height = file.height ?? Math.round(THUMB.width * 0.75);
  const scale = Math.min(1, THUMB.width / width, THUMB.height / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Downloads through a fresh link: the file route answers `Content-Disposition: attachment`. */
async function download(links: TFileLinks, conversationId: string, file: TAttachmentDto): Promise<void> {
  const url = await links.fresh(conversationId, file.id);
  h('a', { href: url, download: file.name }).click();
}

export function fileMeta(file: Pick<TAttachmentDto, 'contentType' | 'size'>): string {
  return `${attachmentTypeLabel(file.contentType)} · ${formatFileSize(file.size)}`;
}

function fileChip(t: TTranslate, links: TFileLinks, conversationId: string, file: TAttachmentDto) {
  return h(
    'button',
    {
      type: 'button',
      class: 'att-file',
      title: t('downloadFile', { name: file.name }),
      onclick: () => void download(links, conversationId, file).catch(() => {}),
    },
    icon(ICONS.file),
    h(
      'span',
      { class: 'att-text' },
      h('span', { class: 'att-name' }, file.name),
      h('span', { class: 'att-meta' }, fileMeta(file)),
    ),
    icon(ICONS.download),
  );
}

function imageThumb(t: TTranslate, links: TFileLinks, conversationId: string, file: TAttachmentDto) {
  const size = thumbSize(file);
  const img = h('img', { alt: file.name, width: size.width, height: size.height, loading: 'lazy' });
  let retried = false;
  const load = (ask: TFileLinks['get']): void => {
    ask(conversationId, file.id).then(
      (url) => (img.src = url),
      () => img.classList.add('broken'),
    );
  };
  // A link that expired between the answer and the fetch: ask once more for a new one.
  img.addEventListener('error', () => {
    if (retried) return img.classList.add('broken');
    retried = true;
    load(links.fresh);
  });
  load(links.get);
  const button = h(
    'button',
    {
      type: 'button',
      class: 'att-img',
      'aria-label': t('openImage', { name: file.name }),
      onclick: () => {
        if (img.src)
          openLightbox(
            t,
            { src: img.src, name: file.name, width: file.width, height: file.height },
            () => void download(links, conversationId, file).catch(() => {}),
            button,
          );
      },
    },
    img,
  );
  return button;
}

/** A message's files: image thumbnails (opening a lightbox), then file chips (downloading). */
export function messageFiles(t: TTranslate, links: TFileLinks, message: TMessageDto): HTMLElement {
  const id = message.conversationId;
  return h(
    'div',
    { class: 'att-list' },
    ...message.attachments.map((file) =>
      file.kind === 'image' ? imageThumb(t, links, id, file) : fileChip(t, links, id, file),
    ),
  );
}

/** The files of a message still on its way: names only (the bytes are already uploaded). */
export function pendingFiles(files: readonly TAttachmentDto[]): HTMLElement {
  return h(
    'div',
    { class: 'att-list' },
    ...files.map((file) =>
      h(
        'span',
        { class: 'att-file' },
        icon(ICONS.file),
        h(
          'span',
          { class: 'att-text' },
          h('span', { class: 'att-name' }, file.name),
          h('span', { class: 'att-meta' }, fileMeta(file)),
        ),
      ),
    ),
  );
}
