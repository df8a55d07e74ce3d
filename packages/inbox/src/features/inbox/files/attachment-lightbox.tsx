import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAttachmentDto } from '@charla/protocol';
import { Icon } from '../../../lib/icons';
import { downloadAttachment } from './attachment-links';
import { keepTabInside } from './focus-cycle';
import { stepImage } from './message-files';
import { useAttachmentUrl } from './use-attachment-url';

type Props = {
  conversationId: string;
  images: TAttachmentDto[];
  index: number;
  onIndex: (index: number) => void;
  /** After the dialog closed (Escape, the close button, a click beside the picture). */
  onClose: () => void;
};

/** One picture at full size; keyed by the picture, so each gets its own link and retry. */
function LightboxImage({ conversationId, image }: { conversationId: string; image: TAttachmentDto }) {
  const { t } = useTranslation();
  const { url, broken, failed } = useAttachmentUrl(conversationId, image.id, true);
  if (broken) return <span className="lightbox__broken">{t('files.imageUnavailable')}</span>;
  if (!url) return <span className="lightbox__loading" aria-hidden="true" />;
  return (
    <img
      className="lightbox__img"
      src={url}
      alt={image.name}
      width={image.width ?? undefined}
      height={image.height ?? undefined}
      onError={failed}
      data-testid="lightbox-image"
    />
  );
}

type BarProps = {
  image: TAttachmentDto;
  /** "2 of 3" when the message has several pictures. */
  position: string | null;
  downloadFailed: boolean;
  onDownload: () => void;
  onClose: () => void;
  closeRef: RefObject<HTMLButtonElement | null>;
};

/** The viewer's top bar: the picture's name, where it is among the message's, download and close. */
function LightboxBar({ image, position, downloadFailed, onDownload, onClose, closeRef }: BarProps) {
  const { t } = useTranslation();
  return (
    <div className="lightbox__bar">
      <span className="lightbox__name" title={image.name}>
        <bdi>{image.name}</bdi>
      </span>
      {position && (
        <span className="lightbox__position" data-testid="lightbox-position">
          {position}
        </span>
      )}
      {downloadFailed && (
        <span className="lightbox__error" role="alert">
          {t('files.downloadFailed')}
        </span>
      )}
      <button
        type="button"
        className="lightbox__btn"
        onClick={onDownload}
        aria-label={t('files.downloadName', { name: image.name })}
        data-testid="lightbox-download"
      >
        <Icon name="download" size={16} />
        <span className="lightbox__btn-text">{t('files.download')}</span>
      </button>
      <button
        ref={closeRef}
        type="button"
        className="lightbox__btn"
        onClick={onClose}
        aria-label={t('common.close')}
        data-testid="lightbox-close"
      >
        <Icon name="x" size={18} />
      </button>
    </div>
  );
}

/**
 * The picture viewer: a modal <dialog> (focus stays inside, the page behind is inert, Escape
 * closes), ← and → between the pictures of the message, and a download button.
 */
export function AttachmentLightbox({ conversationId, images, index, onIndex, onClose }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const [downloadFailed, setDownloadFailed] = useState(false);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    closeButton.current?.focus();
  }, []);
  const image = images[index] ?? images[0];
  if (!image) return null;
  const many = images.length > 1;
  const step = (delta: 1 | -1) => onIndex(stepImage(index, delta, images.length));
  const close = () => dialog.current?.close();
  const onKeyDown = (e: KeyboardEvent) => {
    keepTabInside(e, dialog.current);
    if (!many || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
    e.preventDefault();
    // "Next" is to the right in left-to-right languages, to the left in Arabic or Hebrew.
    const forward = (e.key === 'ArrowRight') !== (document.documentElement.dir === 'rtl');
    step(forward ? 1 : -1);
  };
  const onBackdrop = (e: MouseEvent) => {
    if (e.target === e.currentTarget) close();
  };
  const download = () => {
    setDownloadFailed(false);
    downloadAttachment(conversationId, image).catch(() => setDownloadFailed(true));
  };
  return (
    <dialog
      ref={dialog}
      className="lightbox"
      aria-label={t('files.viewer')}
      onClose={onClose}
      onKeyDown={onKeyDown}
      data-testid="lightbox"
    >
      <LightboxBar
        image={image}
        position={many ? t('files.position', { index: index + 1, count: images.length }) : null}
        downloadFailed={downloadFailed}
        onDownload={download}
        onClose={close}
        closeRef={closeButton}
      />
      <div className="lightbox__stage" onClick={onBackdrop}>
        {many && (
          <button
            type="button"
            className="lightbox__nav lightbox__nav--prev"
            onClick={() => step(-1)}
            aria-label={t('files.previous')}
          >
            <Icon name="chevronLeft" size={22} />
          </button>
        )}
        <LightboxImage key={image.id} conversationId={conversationId} image={image} />
        {many && (
          <button
            type="button"
            className="lightbox__nav lightbox__nav--next"
            onClick={() => step(1)}
            aria-label={t('files.next')}
          >
            <Icon name="chevronRight" size={22} />
          </button>
        )}
      </div>
    </dialog>
  );
}
