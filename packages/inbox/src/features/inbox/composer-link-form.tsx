import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAllowedLinkHref } from '@charla/protocol';

/** The composer's link row: a URL field checked against the allowed schemes before it is inserted. */
export function ComposerLinkForm({ onAdd, onClose }: { onAdd: (url: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [href, setHref] = useState('https://');
  const [invalid, setInvalid] = useState(false);

  const add = () => {
    const url = href.trim();
    if (!isAllowedLinkHref(url)) {
      setInvalid(true);
      return;
    }
    onAdd(url);
  };

  return (
    <div className="composer__link" role="group" aria-label={t('composer.link')}>
      <label htmlFor="composer-link-url" className="sr-only">
        {t('composer.linkUrl')}
      </label>
      <input
        id="composer-link-url"
        type="url"
        value={href}
        autoFocus
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? 'composer-link-error' : undefined}
        onChange={(e) => setHref(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          } else if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      />
      <button type="button" className="btn btn--sm btn--primary" onClick={add}>
        {t('composer.addLink')}
      </button>
      <button type="button" className="btn btn--sm btn--ghost" onClick={onClose}>
        {t('common.cancel')}
      </button>
      {invalid && (
        <span id="composer-link-error" className="field__error">
          {t('composer.linkInvalid')}
        </span>
      )}
    </div>
  );
}
