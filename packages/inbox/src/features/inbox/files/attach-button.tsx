import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_TYPES } from '@charla/protocol';
import { Icon } from '../../../lib/icons';

/** What the file picker offers: the allowlist (the server sniffs the bytes whatever the name says). */
const ACCEPT = ATTACHMENT_TYPES.join(',');

/** The paperclip: a labelled button that opens the browser's file picker (several files at once). */
export function AttachButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="icon-btn composer__attach"
        aria-label={t('files.attach')}
        title={t('files.attachHint')}
        onClick={() => input.current?.click()}
        data-testid="attach-button"
      >
        <Icon name="paperclip" size={17} />
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        tabIndex={-1}
        onChange={(e) => {
          const picked = [...(e.currentTarget.files ?? [])];
          // Emptied so the same file can be picked again (after removing it from the tray).
          e.currentTarget.value = '';
          if (picked.length > 0) onFiles(picked);
        }}
        data-testid="attach-input"
      />
    </>
  );
}
