import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentTypeLabel, type TAttachmentDto } from '@charla/protocol';
import { formatFileSize } from '@charla/protocol/client';
import { Icon } from '../../../lib/icons';
import { downloadAttachment } from './attachment-links';

/** "PDF · 2.4 MB" */
export const fileMeta = (file: TAttachmentDto) =>
  `${attachmentTypeLabel(file.contentType)} · ${formatFileSize(file.size)}`;

/** The inside of a file chip: type icon, name (cut with an ellipsis, whole in the tooltip), type and size. */
export function FileChipBody({ file }: { file: TAttachmentDto }) {
  return (
    <>
      <span className="att-file__icon" aria-hidden="true">
        <Icon name={file.kind === 'image' ? 'image' : 'fileText'} size={18} />
      </span>
      <span className="att-file__text">
        <span className="att-file__name" title={file.name}>
          <bdi>{file.name}</bdi>
        </span>
        <span className="att-file__meta">{fileMeta(file)}</span>
      </span>
    </>
  );
}

/** A sent file that is not a picture: a chip that downloads it through a freshly signed link. */
export function FileChip({ conversationId, file }: { conversationId: string; file: TAttachmentDto }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const download = () => {
    setFailed(false);
    downloadAttachment(conversationId, file).catch(() => setFailed(true));
  };
  return (
    <div className="att-file-wrap">
      <button type="button" className="att-file" onClick={download} data-testid="attachment-file">
        {/* The name read out starts with the action; what is seen stays part of it (WCAG 2.5.3). */}
        <span className="sr-only">{t('files.download')} </span>
        <FileChipBody file={file} />
        <span className="att-file__action" aria-hidden="true">
          <Icon name="download" size={16} />
        </span>
      </button>
      {failed && (
        <span className="att-file__error" role="alert">
          {t('files.downloadFailed')}
        </span>
      )}
    </div>
  );
}
