import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAttachmentDto } from '@charla/protocol';
import { AttachmentImage } from './attachment-image';
import { AttachmentLightbox } from './attachment-lightbox';
import { FileChip, FileChipBody } from './file-chip';
import { splitAttachments, thumbnailBox, type TBox } from './message-files';
import './files.css';

/** One picture alone shows larger; several share a grid of square tiles. */
const SINGLE: TBox = { width: 280, height: 220 };
const TILE: TBox = { width: 132, height: 132 };

/**
 * The files of a sent message (visitor's or a user's): pictures as thumbnails that open the
 * viewer, other files as chips that download.
 */
export function MessageAttachments({
  conversationId,
  attachments,
}: {
  conversationId: string;
  attachments: TAttachmentDto[];
}) {
  const { t } = useTranslation();
  const { images, files } = splitAttachments(attachments);
  const [open, setOpen] = useState<number | null>(null);
  const openers = useRef<(HTMLButtonElement | null)[]>([]);
  const closed = () => {
    // Focus goes back to the picture on view when the viewer closed (it may have moved with ←/→).
    if (open !== null) openers.current[open]?.focus();
    setOpen(null);
  };
  return (
    <div
      className="att-list"
      role="group"
      aria-label={t('files.attachments')}
      data-testid="message-attachments"
    >
      {images.length > 0 && (
        <div className={`att-images ${images.length > 1 ? 'att-images--grid' : ''}`}>
          {images.map((image, index) => (
            <AttachmentImage
              key={image.id}
              ref={(element) => {
                openers.current[index] = element;
              }}
              conversationId={conversationId}
              image={image}
              box={images.length > 1 ? TILE : thumbnailBox(image, SINGLE)}
              onOpen={() => setOpen(index)}
            />
          ))}
        </div>
      )}
      {files.map((file) => (
        <FileChip key={file.id} conversationId={conversationId} file={file} />
      ))}
      {open !== null && (
        <AttachmentLightbox
          conversationId={conversationId}
          images={images}
          index={open}
          onIndex={setOpen}
          onClose={closed}
        />
      )}
    </div>
  );
}

/** The files of a message still in the send queue: what goes with it, not yet openable. */
export function PendingAttachments({ attachments }: { attachments: TAttachmentDto[] }) {
  const { t } = useTranslation();
  return (
    <ul
      className="att-list att-list--pending"
      aria-label={t('files.attachments')}
      data-testid="pending-attachments"
    >
      {attachments.map((file) => (
        <li key={file.id} className="att-file att-file--static">
          <FileChipBody file={file} />
        </li>
      ))}
    </ul>
  );
}
