import type { TTranslate } from '../i18n';
import { h, icon, ICONS } from './dom';

/**
 * A sent image at full size over the chat: a modal dialog with Download and Close, Esc or a
 * click outside closes it, Tab stays inside, and focus goes back to the thumbnail after.
 */
export function openLightbox(
  t: TTranslate,
  image: { src: string; name: string; width: number | null; height: number | null },
  download: () => void,
  returnFocus: HTMLElement,
): void {
  const close = (): void => {
    dialog.remove();
    returnFocus.focus();
  };
  const closeButton = h(
    'button',
    {
      type: 'button',
      class: 'lb-btn',
      'aria-label': t('closeImage'),
      title: t('closeImage'),
      onclick: close,
    },
    icon(ICONS.close),
  );
  const downloadButton = h(
    'button',
    { type: 'button', class: 'lb-btn', 'aria-label': t('download'), title: t('download'), onclick: download },
    icon(ICONS.download),
  );
  const picture = h('img', {
    class: 'lb-img',
    src: image.src,
    alt: image.name,
    width: image.width ?? undefined,
    height: image.height ?? undefined,
  });
  const dialog = h(
    'div',
    { class: 'lightbox', role: 'dialog', 'aria-modal': 'true', 'aria-label': image.name },
    h('div', { class: 'lb-bar' }, h('p', { class: 'lb-name' }, image.name), downloadButton, closeButton),
    picture,
  );
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) close();
  });
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      // The chat window's own Esc (minimize) must not fire as well.
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') {
      event.preventDefault();
      (document.activeElement === closeButton ? downloadButton : closeButton).focus();
    }
  });
  document.body.append(dialog);
  closeButton.focus();
}
