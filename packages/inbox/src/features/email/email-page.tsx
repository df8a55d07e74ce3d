import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLanguage, TMailStatusDto } from '@charla/protocol';
import { Spinner } from '../../components/empty-state';
import { ApiError, fieldErrorsOf } from '../../lib/api-client';
import { currentLanguage } from '../../lib/i18n';
import { personFieldErrors } from '../../lib/person-fields';
import { useFieldErrors } from '../../lib/use-field-errors';
import { SettingsLayout } from '../settings/settings-layout';
import { emailApi } from './email-api';
import { FollowUpSettings } from './follow-up-settings';
import { MailLog } from './mail-log';
import { TemplatePreview } from './template-preview';
import './email.css';
import { LanguageOptions } from '../../components/language-options';

/** Settings → Email: whether SMTP works (said plainly when it does not), a test mail, templates, the log. */
export function EmailPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TMailStatusDto | null>(null);
  const [logVersion, setLogVersion] = useState(0);
  const load = useCallback(() => {
    emailApi.status().then(setStatus, () => setStatus(null));
  }, []);
  useEffect(load, [load]);

  return (
    <SettingsLayout section="email">
      <header className="page__header">
        <h2 className="settings__h">{t('settings.sections.email')}</h2>
        <p>{t('settings.email.intro')}</p>
      </header>
      {status === null ? <Spinner label={t('common.loading')} /> : <SmtpStatus status={status} />}
      <TestMailForm
        onQueued={() => {
          load();
          setLogVersion((v) => v + 1);
        }}
      />
      <FollowUpSettings />
      <TemplatePreview />
      <MailLog key={logVersion} />
    </SettingsLayout>
  );
}

function SmtpStatus({ status }: { status: TMailStatusDto }) {
  const { t } = useTranslation();
  const counts = t('settings.email.counts', status.counts);
  if (!status.configured)
    return (
      <section className="email-status email-status--off" role="status" data-testid="smtp-status">
        <h3>{t('settings.email.notConfiguredTitle')}</h3>
        <p>{t('settings.email.notConfiguredText')}</p>
        <p className="field__hint">{counts}</p>
      </section>
    );
  return (
    <section className="email-status email-status--on" role="status" data-testid="smtp-status">
      <p>{t('settings.email.configured', { server: status.server ?? '', from: status.from ?? '' })}</p>
      <p className="field__hint">{counts}</p>
    </section>
  );
}

const TEST_FIELDS = ['to'] as const;

function TestMailForm({ onQueued }: { onQueued: () => void }) {
  const { t } = useTranslation();
  const [to, setTo] = useState('');
  const [language, setLanguage] = useState<TLanguage>(currentLanguage());
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const { errors, show } = useFieldErrors('mail-test', TEST_FIELDS);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const { email } = personFieldErrors({ email: to }, t);
    if (show(email ? { to: email } : {})) return;
    try {
      const queued = await emailApi.sendTest(to.trim(), language);
      setNotice({
        text:
          queued.status === 'skipped'
            ? t('settings.email.testSkipped')
            : t('settings.email.testQueued', { to: to.trim() }),
        error: queued.status === 'skipped',
      });
      onQueued();
    } catch (cause) {
      const fields = fieldErrorsOf(cause);
      if (fields.to) show({ to: fields.to });
      else setNotice({ text: cause instanceof ApiError ? cause.message : t('errors.generic'), error: true });
    }
  };
  return (
    <section className="card email-card">
      <h3 className="email-card__title">{t('settings.email.testTitle')}</h3>
      <form className="email-test" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="mail-test-to">{t('settings.email.testTo')}</label>
          <input
            id="mail-test-to"
            type="email"
            required
            maxLength={254}
            value={to}
            aria-invalid={errors.to !== undefined}
            aria-describedby={errors.to ? 'mail-test-to-error' : undefined}
            onChange={(e) => setTo(e.target.value)}
          />
          {errors.to && (
            <span className="field__error" id="mail-test-to-error">
              {errors.to}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="mail-test-language">{t('settings.email.testLanguage')}</label>
          <select
            id="mail-test-language"
            value={language}
            onChange={(e) => setLanguage(e.target.value as TLanguage)}
          >
            <LanguageOptions />
          </select>
        </div>
        <button type="submit" className="btn btn--primary">
          {t('settings.email.testSend')}
        </button>
      </form>
      {notice && (
        <p
          className={notice.error ? 'form__error' : 'settings__notice'}
          role={notice.error ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      )}
    </section>
  );
}
