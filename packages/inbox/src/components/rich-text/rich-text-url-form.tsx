import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { urlProblem } from './rich-text-editing';
import './rich-text.css';

/** The address (and, for an image, its description) of a link or image to insert, checked first. */
export function RichTextUrlForm(props: {
  command: 'link' | 'image';
  onInsert: (url: string, alt: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { command } = props;
  const [url, setUrl] = useState('');
  const [alt, setAlt] = useState('');
  const [invalid, setInvalid] = useState(false);
  const insert = () => {
    const trimmed = url.trim();
    if (urlProblem(command, trimmed)) setInvalid(true);
    else props.onInsert(trimmed, alt.trim());
  };
  return (
    <div className="rte__url" role="group" aria-label={t(`playbooks.rich.${command}`)}>
      <input
        type="url"
        autoFocus
        aria-label={command === 'link' ? t('playbooks.rich.linkUrl') : t('playbooks.rich.imageUrl')}
        placeholder={command === 'link' ? 'https://' : 'https://…/image.png'}
        value={url}
        aria-invalid={invalid}
        onChange={(e) => {
          setUrl(e.target.value);
          setInvalid(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            insert();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            props.onCancel();
          }
        }}
      />
      {command === 'image' && (
        <input
          aria-label={t('playbooks.rich.imageAlt')}
          placeholder={t('playbooks.rich.imageAlt')}
          value={alt}
          onChange={(e) => setAlt(e.target.value)}
        />
      )}
      <button type="button" className="btn btn--sm btn--primary" onClick={insert}>
        {t('playbooks.rich.insert')}
      </button>
      <button type="button" className="btn btn--sm btn--ghost" onClick={props.onCancel}>
        {t('common.cancel')}
      </button>
      {invalid && (
        <span className="field__error" role="alert">
          {command === 'link' ? t('playbooks.rich.badLink') : t('playbooks.rich.badImage')}
        </span>
      )}
    </div>
  );
}
