import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFollowUpSettingsDto } from '@charla/protocol';
import { Spinner } from '../../components/empty-state';
import { ApiError } from '../../lib/api-client';
import { emailApi } from './email-api';

/** Settings → Email → Follow-up by email: on/off, the delay, and how replies come back in. */
export function FollowUpSettings() {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<TFollowUpSettingsDto | null>(null);
  const [enabled, setEnabled] = useState(true);
  const [minutes, setMinutes] = useState('5');
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  useEffect(() => {
    emailApi.followUp().then(
      (s) => {
        setSettings(s);
        setEnabled(s.enabled);
        setMinutes(String(s.afterMinutes));
      },
      () => setNotice({ text: t('errors.generic'), error: true }),
    );
  }, [t]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setSettings(await emailApi.saveFollowUp({ enabled, afterMinutes: Number(minutes) }));
      setNotice({ text: t('settings.email.followUpSaved'), error: false });
    } catch (cause) {
      setNotice({ text: cause instanceof ApiError ? cause.message : t('errors.generic'), error: true });
    }
  };
  if (!settings) return <Spinner label={t('common.loading')} />;
  return (
    <section className="card email-card" data-testid="follow-up-settings">
      <h3 className="email-card__title">{t('settings.email.followUpTitle')}</h3>
      <p className="field__hint">{t('settings.email.followUpIntro')}</p>
      <form className="email-test" onSubmit={(e) => void submit(e)}>
        <label className="email-check">
          <input
            type="checkbox"
            className="check"
            checked={enabled}
            onChange={(e) => setEnabled(e.target.checked)}
          />
          {t('settings.email.followUpEnabled')}
        </label>
        <div className="field">
          <label htmlFor="follow-up-after">{t('settings.email.followUpAfter')}</label>
          <input
            id="follow-up-after"
            type="number"
            min={0}
            max={1440}
            required
            value={minutes}
            disabled={!enabled}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
        <button type="submit" className="btn btn--primary">
          {t('settings.email.followUpSave')}
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
      <InboundInfo settings={settings} />
    </section>
  );
}

/** How visitors' email answers come back in: the reply address, the inbound URL and its secret. */
function InboundInfo({ settings }: { settings: TFollowUpSettingsDto }) {
  const { t } = useTranslation();
  const [showSecret, setShowSecret] = useState(false);
  return (
    <>
      <p className={settings.replyTo ? 'email-inbound__ok' : 'email-inbound__off'}>
        {settings.replyTo
          ? t('settings.email.replyToSet', { address: settings.replyTo })
          : t('settings.email.replyToUnset')}
      </p>
      <dl className="email-inbound">
        <dt>{t('settings.email.inboundUrl')}</dt>
        <dd>
          <code>{settings.inboundUrl}</code>
        </dd>
        <dt>{t('settings.email.inboundSecret')}</dt>
        <dd>
          <code data-testid="inbound-secret">{showSecret ? settings.inboundSecret : '••••••••••••••••'}</code>{' '}
          <button
            type="button"
            className="btn btn--sm"
            onClick={() => setShowSecret((v) => !v)}
            aria-pressed={showSecret}
          >
            {showSecret ? t('settings.email.hide') : t('settings.email.reveal')}
          </button>
        </dd>
      </dl>
    </>
  );
}
