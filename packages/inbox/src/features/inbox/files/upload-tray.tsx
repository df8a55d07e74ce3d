import { useTranslation } from 'react-i18next';
import { MAX_ATTACHMENTS_PER_MESSAGE } from '@charla/protocol';
import { formatFileSize, isRetryableUpload, trayStatus, type TTrayFile } from '@charla/protocol/client';
import { currentLocale } from '../../../lib/i18n';
import { Icon } from '../../../lib/icons';
import { numberFormat } from '../../../lib/intl-cache';
import { uploadRefusalKey } from './upload-refusal';
import type { TTray } from './use-upload-tray';
import './files.css';

type ItemProps = {
  file: TTrayFile;
  preview: string | undefined;
  onRemove: (localId: string) => void;
  onRetry: (localId: string) => void;
};

/** One picked file: its preview or type icon, name and size, progress, and why it failed. */
function TrayItem({ file, preview, onRemove, onRetry }: ItemProps) {
  const { t } = useTranslation();
  const percent = Math.round(file.progress * 100);
  const name = file.name;
  const status =
    file.state === 'uploading'
      ? numberFormat(currentLocale(), { style: 'percent' }).format(file.progress)
      : file.state === 'done'
        ? t('files.ready')
        : null;
  return (
    <li className={`tray-item tray-item--${file.state}`} data-testid="tray-item" data-state={file.state}>
      <span className="tray-item__thumb" aria-hidden="true">
        {preview ? (
          <img src={preview} alt="" />
        ) : (
          <Icon name={file.type.startsWith('image/') ? 'image' : 'fileText'} size={18} />
        )}
      </span>
      <span className="tray-item__body">
        <span className="tray-item__name" title={name}>
          <bdi>{name}</bdi>
        </span>
        <span className="tray-item__meta">
          {formatFileSize(file.size)}
          {status && ` · ${status}`}
        </span>
        {file.state === 'uploading' && (
          <span
            className="tray-item__progress"
            role="progressbar"
            aria-label={t('files.uploadProgress', { name })}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
          >
            <span style={{ width: `${percent}%` }} />
          </span>
        )}
        {file.state === 'failed' && (
          <span className="tray-item__error" role="alert" data-testid="tray-error">
            {t(uploadRefusalKey(file.error))}
          </span>
        )}
        {isRetryableUpload(file) && (
          <button
            type="button"
            className="tray-item__retry"
            aria-label={t('files.retryUpload', { name })}
            onClick={() => onRetry(file.localId)}
            data-testid="tray-retry"
          >
            <Icon name="refresh" size={13} />
            {t('files.retry')}
          </button>
        )}
      </span>
      <button
        type="button"
        className="icon-btn icon-btn--sm tray-item__remove"
        aria-label={t(file.state === 'uploading' ? 'files.cancelUpload' : 'files.remove', { name })}
        title={t(file.state === 'uploading' ? 'files.cancelUpload' : 'files.remove', { name })}
        onClick={() => onRemove(file.localId)}
        data-testid="tray-remove"
      >
        <Icon name="x" size={14} />
      </button>
    </li>
  );
}

/** Above the text box: the files going with the next message, each uploading on its own. */
export function UploadTray({
  tray,
  onRemove,
  onRetry,
}: {
  tray: TTray;
  onRemove: (localId: string) => void;
  onRetry: (localId: string) => void;
}) {
  const { t } = useTranslation();
  if (tray.files.length === 0 && tray.leftOut === 0) return null;
  const { failed } = trayStatus(tray.files);
  return (
    <div className="tray" data-testid="upload-tray">
      <ul className="tray__list" aria-label={t('files.tray')}>
        {tray.files.map((file) => (
          <TrayItem
            key={file.localId}
            file={file}
            preview={tray.previews[file.localId]}
            onRemove={onRemove}
            onRetry={onRetry}
          />
        ))}
      </ul>
      {tray.leftOut > 0 && (
        <p className="tray__note" role="status">
          {t('files.leftOut', { count: tray.leftOut, max: MAX_ATTACHMENTS_PER_MESSAGE })}
        </p>
      )}
      {failed > 0 && <p className="tray__note tray__note--error">{t('files.fixFailed')}</p>}
    </div>
  );
}
