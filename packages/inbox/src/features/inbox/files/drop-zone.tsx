import { useTranslation } from 'react-i18next';
import { MAX_ATTACHMENTS_PER_MESSAGE } from '@charla/protocol';
import { Icon } from '../../../lib/icons';
import './files.css';

/** Over the conversation while files are dragged onto it: where to let go. */
export function DropZone() {
  const { t } = useTranslation();
  return (
    <div className="drop-zone" data-testid="drop-zone" aria-hidden="true">
      <div className="drop-zone__card">
        <Icon name="upload" size={28} />
        <strong>{t('files.dropTitle')}</strong>
        <span>{t('files.dropHint', { max: MAX_ATTACHMENTS_PER_MESSAGE })}</span>
      </div>
    </div>
  );
}
