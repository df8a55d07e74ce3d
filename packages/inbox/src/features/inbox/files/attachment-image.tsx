import { forwardRef, useImperativeHandle, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAttachmentDto } from '@charla/protocol';
import { Icon } from '../../../lib/icons';
import type { TBox } from './message-files';
import { useAttachmentUrl, useInView } from './use-attachment-url';

type Props = { conversationId: string; image: TAttachmentDto; box: TBox; onOpen: () => void };

/**
 * A sent picture in the timeline: a button of the size the server measured (so nothing moves when
 * it loads) that opens the viewer. Its link is asked for only once it scrolls near the view.
 */
export const AttachmentImage = forwardRef<HTMLButtonElement, Props>(function AttachmentImage(
  { conversationId, image, box, onOpen },
  ref,
) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  useImperativeHandle(ref, () => button.current as HTMLButtonElement, []);
  const inView = useInView(button);
  const { url, broken, failed } = useAttachmentUrl(conversationId, image.id, inView);
  return (
    <button
      ref={button}
      type="button"
      className="att-image"
      style={{ width: box.width, height: box.height }}
      onClick={onOpen}
      aria-label={t('files.openImage', { name: image.name })}
      title={image.name}
      data-testid="attachment-image"
    >
      {url && (
        <img
          src={url}
          alt={image.name}
          width={box.width}
          height={box.height}
          loading="lazy"
          decoding="async"
          onError={failed}
        />
      )}
      {broken && (
        <span className="att-image__broken">
          <Icon name="image" size={20} />
          {t('files.imageUnavailable')}
        </span>
      )}
    </button>
  );
});
