import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { digestEvents, type TDigestEvent, type TEmailNotificationsDto } from '@charla/protocol';
import { Spinner } from '../../components/empty-state';
import { api, ApiError } from '../../lib/api-client';
import './conversation-mail.css';

const emailNotificationsApi = {
  get: () => api.get<TEmailNotificationsDto>('/me/email-notifications'),
  save: (events: TDigestEvent[]) => api.put<TEmailNotificationsDto>('/me/email-notifications', { events }),
};

/** Settings → Notifications → By email (R24): which events mail me a digest when no device took the push. */
export function EmailDigestSettings() {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<TEmailNotificationsDto | null>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  useEffect(() => {
    emailNotificationsApi
      .get()
      .then(setSettings, () => setStatus({ text: t('settings.loadError'), error: true }));
  }, [t]);
  const toggle = async (event: TDigestEvent, on: boolean) => {
    if (!settings) return;
    const events = on ? [...settings.events, event] : settings.events.filter((e) => e !== event);
    setSettings({ ...settings, events });
    try {
      setSettings(await emailNotificationsApi.save(events));
      setStatus({ text: t('panel.saved'), error: false });
    } catch (cause) {
      setStatus({ text: cause instanceof ApiError ? cause.message : t('errors.generic'), error: true });
    }
  };
  return (
    <section className="card" aria-labelledby="email-digest-title" data-testid="email-digest-settings">
      <h3 id="email-digest-title" className="card__title">
        {t('conversationMail.digestTitle')}
      </h3>
      <p className="field__hint">{t('conversationMail.digestText')}</p>
      {settings && !settings.mailConfigured && (
        <p className="email-digest__off" role="status">
          {t('conversationMail.digestNoSmtp')}
        </p>
      )}
      {!settings ? (
        !status && <Spinner label={t('common.loading')} />
      ) : (
        <fieldset className="email-digest">
          <legend className="sr-only">{t('conversationMail.digestTitle')}</legend>
          {digestEvents.map((event) => (
            <label key={event} className="email-digest__item">
              <input
                type="checkbox"
                className="check"
                checked={settings.events.includes(event)}
                onChange={(e) => void toggle(event, e.target.checked)}
              />
              {t(`notifications.event.${event}`)}
            </label>
          ))}
        </fieldset>
      )}
      {status && (
        <p
          className={status.error ? 'form__error' : 'settings__notice'}
          role={status.error ? 'alert' : 'status'}
        >
          {status.text}
        </p>
      )}
    </section>
  );
}
