import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  mailTemplateNames,
  type TLanguage,
  type TMailPreviewDto,
  type TMailTemplateName,
} from '@charla/protocol';
import { Spinner } from '../../components/empty-state';
import { currentLanguage } from '../../lib/i18n';
import { emailApi } from './email-api';
import { LanguageOptions } from '../../components/language-options';

/** The server's rendering of one template with sample data (null while it loads). */
function usePreview(template: TMailTemplateName, language: TLanguage): TMailPreviewDto | null {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<TMailPreviewDto | null>(null);
  useEffect(() => {
    let live = true;
    setPreview(null);
    emailApi.preview(template, language).then(
      (p) => live && setPreview(p),
      () => live && setPreview({ subject: '', html: '', text: t('errors.generic') }),
    );
    return () => {
      live = false;
    };
  }, [template, language, t]);
  return preview;
}

/** Every template rendered by the server with sample data, as the HTML part (sandboxed) or the text part. */
export function TemplatePreview() {
  const { t } = useTranslation();
  const [template, setTemplate] = useState<TMailTemplateName>('invitation');
  const [language, setLanguage] = useState<TLanguage>(currentLanguage());
  const [part, setPart] = useState<'html' | 'text'>('html');
  const preview = usePreview(template, language);
  const name = t(`settings.email.templates.${template}`);
  return (
    <section className="card email-card">
      <h3 className="email-card__title">{t('settings.email.previewTitle')}</h3>
      <div className="email-preview__controls">
        <div className="field">
          <label htmlFor="mail-preview-template">{t('settings.email.previewTemplate')}</label>
          <select
            id="mail-preview-template"
            value={template}
            onChange={(e) => setTemplate(e.target.value as TMailTemplateName)}
          >
            {mailTemplateNames.map((n) => (
              <option key={n} value={n}>
                {t(`settings.email.templates.${n}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="mail-preview-language">{t('settings.email.previewLanguage')}</label>
          <select
            id="mail-preview-language"
            value={language}
            onChange={(e) => setLanguage(e.target.value as TLanguage)}
          >
            <LanguageOptions />
          </select>
        </div>
        <div className="email-preview__parts" role="group" aria-label={name}>
          {(['html', 'text'] as const).map((p) => (
            <button
              key={p}
              type="button"
              className={`btn btn--sm ${part === p ? 'btn--primary' : ''}`}
              aria-pressed={part === p}
              onClick={() => setPart(p)}
            >
              {t(p === 'html' ? 'settings.email.previewHtml' : 'settings.email.previewText')}
            </button>
          ))}
        </div>
      </div>
      {preview === null ? (
        <Spinner label={t('common.loading')} />
      ) : (
        <>
          <p className="email-preview__subject">
            <span>{t('settings.email.subject')}:</span> <bdi>{preview.subject}</bdi>
          </p>
          {part === 'html' ? (
            // An empty sandbox: no script, no same-origin access, links do nothing.
            <iframe
              className="email-preview__frame"
              sandbox=""
              title={t('settings.email.previewFrame', { name })}
              srcDoc={preview.html}
            />
          ) : (
            <pre className="email-preview__text">{preview.text}</pre>
          )}
        </>
      )}
    </section>
  );
}
