import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ATTACHMENT_TYPES,
  attachmentTypeLabel,
  errorMessageFor,
  formatFileSize,
  MAX_CANNED_FILES,
  type TAttachmentType,
} from '@charla/protocol';
import { isRetryableUpload, type TTrayFile } from '@charla/protocol/client';
import { currentLanguage } from '../../lib/i18n';
import { AdminIcon } from '../playbooks/admin-icons';
import { cannedApi } from './canned-api';
import { uploadErrorKey } from './canned-files';
import type { CannedFiles } from './use-canned-files';

/**
 * "Attach files" in the canned response editor: the response's files as chips (name, type,
 * size, remove), each picked file with its progress, and why one failed.
 */
export function CannedFilesField(props: { cannedId: string | null; files: CannedFiles }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const { tray, waiting, leftOut, removeError } = props.files;
  const full = tray.length >= MAX_CANNED_FILES;
  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    props.files.add([...(event.target.files ?? [])]);
    event.target.value = '';
  };
  return (
    <div className="field" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="canned-files__label">
        {t('canned.files.label')}
      </span>
      {tray.length > 0 && (
        <ul className="canned-files" aria-label={t('canned.files.label')} data-testid="canned-files">
          {tray.map((entry) => (
            <FileChip
              key={entry.localId}
              entry={entry}
              cannedId={props.cannedId}
              waiting={waiting.has(entry.localId)}
              files={props.files}
            />
          ))}
        </ul>
      )}
      <div className="canned-files__bar">
        <input
          ref={input}
          id={`${id}-input`}
          type="file"
          multiple
          accept={ATTACHMENT_TYPES.join(',')}
          hidden
          onChange={pick}
          data-testid="canned-file-input"
        />
        <button
          type="button"
          className="btn btn--sm"
          disabled={full}
          aria-describedby={`${id}-hint`}
          onClick={() => input.current?.click()}
          data-testid="canned-attach"
        >
          <AdminIcon name="paperclip" />
          {t('canned.files.attach')}
        </button>
        <span id={`${id}-hint`} className="field__hint">
          {full
            ? t('canned.files.full', { max: MAX_CANNED_FILES })
            : t(props.cannedId === null ? 'canned.files.hintNew' : 'canned.files.hint', {
                max: MAX_CANNED_FILES,
              })}
        </span>
      </div>
      {(leftOut > 0 || removeError) && (
        <p className="field__error" role="alert">
          {removeError ?? t('canned.files.leftOut', { count: leftOut, max: MAX_CANNED_FILES })}
        </p>
      )}
    </div>
  );
}

function FileChip(props: {
  entry: TTrayFile;
  cannedId: string | null;
  waiting: boolean;
  files: CannedFiles;
}) {
  const { t } = useTranslation();
  const { entry, cannedId } = props;
  const percent = Math.round(entry.progress * 100);
  const known = (ATTACHMENT_TYPES as readonly string[]).includes(entry.type);
  const meta = [known ? attachmentTypeLabel(entry.type as TAttachmentType) : null, formatFileSize(entry.size)]
    .filter(Boolean)
    .join(' · ');
  const stored = entry.state === 'done' && entry.attachment && cannedId !== null ? entry.attachment : null;
  return (
    <li className={`canned-file canned-file--${entry.state}`} data-testid="canned-file">
      <FileThumb entry={entry} cannedId={cannedId} picked={props.files.pickedFile(entry.localId)} />
      <span className="canned-file__text">
        {stored ? (
          <button
            type="button"
            className="canned-file__name canned-file__open"
            title={t(stored.kind === 'image' ? 'canned.files.open' : 'canned.files.download')}
            onClick={() => void openStored(cannedId ?? '', stored)}
          >
            {entry.name}
          </button>
        ) : (
          <span className="canned-file__name">{entry.name}</span>
        )}
        <span className="canned-file__meta">
          <StatusText entry={entry} waiting={props.waiting} percent={percent} meta={meta} />
        </span>
        {entry.state === 'uploading' && !props.waiting && (
          <span
            className="canned-file__progress"
            role="progressbar"
            aria-label={t('canned.files.uploadingNamed', { name: entry.name })}
            aria-valuenow={percent}
            aria-valuemin={0}
            aria-valuemax={100}
          >
            <span style={{ inlineSize: `${percent}%` }} />
          </span>
        )}
      </span>
      {isRetryableUpload(entry) && cannedId !== null && (
        <button
          type="button"
          className="icon-btn"
          aria-label={t('canned.files.retryNamed', { name: entry.name })}
          title={t('canned.files.retry')}
          onClick={() => props.files.retry(entry)}
        >
          <AdminIcon name="refresh" />
        </button>
      )}
      <button
        type="button"
        className="icon-btn"
        aria-label={t(entry.state === 'uploading' ? 'canned.files.cancelNamed' : 'canned.files.removeNamed', {
          name: entry.name,
        })}
        title={t(entry.state === 'uploading' ? 'canned.files.cancel' : 'canned.files.remove')}
        onClick={() => void props.files.remove(entry)}
        data-testid="canned-file-remove"
      >
        <AdminIcon name="trash" />
      </button>
    </li>
  );
}

function StatusText(props: { entry: TTrayFile; waiting: boolean; percent: number; meta: string }) {
  const { t } = useTranslation();
  const { entry } = props;
  if (entry.state === 'failed') {
    const key = uploadErrorKey(entry.error);
    const text = typeof key === 'object' ? errorMessageFor(key.code, currentLanguage()) : t(`errors.${key}`);
    return <span className="canned-file__error">{text}</span>;
  }
  if (props.waiting) return <>{`${props.meta} · ${t('canned.files.waiting')}`}</>;
  if (entry.state === 'uploading')
    return <>{`${props.meta} · ${t('canned.files.uploading', { percent: props.percent })}`}</>;
  return <>{props.meta}</>;
}

/** A picture's thumbnail (the picked file, or the stored one through its signed link); an icon otherwise. */
function FileThumb(props: { entry: TTrayFile; cannedId: string | null; picked: File | undefined }) {
  const { entry, cannedId, picked } = props;
  const [src, setSrc] = useState<string | null>(null);
  const image = entry.type.startsWith('image/') && entry.state !== 'failed';
  const storedId = entry.attachment?.id ?? null;
  useEffect(() => {
    if (!image) return;
    if (picked) {
      const url = URL.createObjectURL(picked);
      setSrc(url);
      return () => URL.revokeObjectURL(url);
    }
    if (cannedId === null || storedId === null) return;
    let live = true;
    cannedApi.fileLink(cannedId, storedId).then(
      (link) => live && setSrc(link.url),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [image, picked, cannedId, storedId]);
  return (
    <span className="canned-file__thumb" aria-hidden="true">
      {src ? <img src={src} alt="" /> : <AdminIcon name={image ? 'image' : 'file'} size={18} />}
    </span>
  );
}

/**
 * Shows a stored file: a picture in a new tab (opened at the click, so no pop-up blocker stops it,
 * then sent to its signed link); anything else downloads (the server serves it as an attachment).
 */
async function openStored(cannedId: string, file: { id: string; kind: 'image' | 'file' }): Promise<void> {
  const tab = file.kind === 'image' ? window.open('', '_blank') : null;
  try {
    const link = await cannedApi.fileLink(cannedId, file.id);
    if (tab) tab.location.href = link.url;
    else if (file.kind !== 'image') window.location.assign(link.url);
  } catch {
    tab?.close();
  }
}
