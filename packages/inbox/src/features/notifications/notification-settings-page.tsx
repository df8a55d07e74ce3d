import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  notificationEvents,
  type TChannelSwitches,
  type TCompanyNotificationSettingsDto,
  type TMyNotificationSettingsDto,
  type TNotificationDefaultMode,
  type TNotificationEvent,
  type TTestNotificationResultDto,
} from '@charla/protocol';
import { EmailDigestSettings } from '../email/email-digest-settings';
import { Spinner } from '../../components/empty-state';
import { useMe } from '../auth/session-context';
import { notificationsApi } from './notifications-api';
import { notificationPermission, pushSupport, subscribeToPush } from './push';
import { PushTestResult } from './push-test-result';

const channels: (keyof TChannelSwitches)[] = ['inApp', 'push', 'sound'];

/** My notification switches per event and channel, this device's push status, a test button; company defaults for admins (R24). */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <div className="page">
      <header className="page__header">
        <h2 className="settings__h">{t('settings.notificationsTitle')}</h2>
        <p>{t('settings.notificationsIntro')}</p>
      </header>
      <ThisDeviceCard />
      <EventSwitchesCard />
      <EmailDigestSettings />
      {me.role === 'admin' && <CompanyNotificationDefaults />}
    </div>
  );
}

/** This browser's push permission, subscribing it, and a test notification to every device. */
function ThisDeviceCard() {
  const { t } = useTranslation();
  const [permission, setPermission] = useState(notificationPermission());
  const [testResult, setTestResult] = useState<string | null>(null);
  const [pushResult, setPushResult] = useState<TTestNotificationResultDto | null>(null);
  const [busy, setBusy] = useState(false);
  const outcomes = {
    subscribed: t('notifications.enabledHere'),
    denied: t('notifications.denied'),
  } as Record<string, string>;

  const enablePush = async () => {
    setBusy(true);
    const outcome = await subscribeToPush();
    setPermission(notificationPermission());
    setTestResult(outcomes[outcome] ?? t('notifications.subscribeFailed'));
    setBusy(false);
  };

  const sendTest = async () => {
    setBusy(true);
    setTestResult(null);
    setPushResult(null);
    try {
      setPushResult(await notificationsApi.test());
    } catch {
      setTestResult(t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };

  const support = pushSupport();
  return (
    <section className="card" aria-labelledby="device-title">
      <h3 id="device-title" className="card__title">
        {t('notifications.thisDevice')}
      </h3>
      <p className="card__text" data-testid="push-status">
        {support !== 'supported'
          ? t(`notifications.support.${support}`)
          : t(`notifications.permission.${permission}`)}
      </p>
      <div className="card__actions">
        {support === 'supported' && permission !== 'denied' && (
          <button
            type="button"
            className="btn btn--primary btn--sm"
            onClick={() => void enablePush()}
            disabled={busy}
          >
            {permission === 'granted' ? t('notifications.resubscribe') : t('notifications.allow')}
          </button>
        )}
        <button
          type="button"
          className="btn btn--sm"
          onClick={() => void sendTest()}
          disabled={busy}
          data-testid="send-test"
        >
          {t('notifications.sendTest')}
        </button>
      </div>
      {testResult && (
        <p className="card__note" role="status">
          {testResult}
        </p>
      )}
      {pushResult && <PushTestResult result={pushResult} />}
    </section>
  );
}

/** My switches: one row per event, one checkbox per channel; an admin's "disabled" greys a row. */
function EventSwitchesCard() {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<TMyNotificationSettingsDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    notificationsApi.mySettings().then(setSettings, () => setError(t('settings.loadError')));
  }, [t]);

  const toggle = async (event: TNotificationEvent, channel: keyof TChannelSwitches, value: boolean) => {
    if (!settings) return;
    const previous = settings;
    setSettings({ ...settings, [event]: { ...settings[event], [channel]: value } });
    try {
      const saved = await notificationsApi.updateMySettings({ [event]: { [channel]: value } });
      setSettings(saved);
      window.dispatchEvent(new CustomEvent('charla:notification-settings', { detail: saved }));
    } catch {
      setSettings(previous);
      setError(t('errors.generic'));
    }
  };

  return (
    <section className="card" aria-labelledby="events-title">
      <h3 id="events-title" className="card__title">
        {t('notifications.events')}
      </h3>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      {!settings ? (
        !error && <Spinner label={t('common.loading')} />
      ) : (
        <EventMatrix settings={settings} onToggle={(e, c, v) => void toggle(e, c, v)} />
      )}
    </section>
  );
}

function EventMatrix({
  settings,
  onToggle,
}: {
  settings: TMyNotificationSettingsDto;
  onToggle: (event: TNotificationEvent, channel: keyof TChannelSwitches, value: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <table className="matrix">
      <thead>
        <tr>
          <th scope="col">{t('notifications.eventColumn')}</th>
          {channels.map((c) => (
            <th scope="col" key={c}>
              {t(`notifications.channel.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {notificationEvents.map((event) => (
          <tr key={event}>
            <th scope="row">
              {t(`notifications.event.${event}`)}
              {settings[event].disabled && (
                <span className="badge badge--muted">{t('notifications.disabledByAdmin')}</span>
              )}
            </th>
            {channels.map((channel) => (
              <td key={channel}>
                <input
                  type="checkbox"
                  className="check"
                  checked={settings[event][channel]}
                  disabled={settings[event].disabled}
                  aria-label={`${t(`notifications.event.${event}`)}: ${t(`notifications.channel.${channel}`)}`}
                  onChange={(e) => onToggle(event, channel, e.target.checked)}
                />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CompanyNotificationDefaults() {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<TCompanyNotificationSettingsDto | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    notificationsApi.companySettings().then(setSettings, () => setStatus(t('settings.loadError')));
  }, [t]);
  const change = async (event: TNotificationEvent, mode: TNotificationDefaultMode) => {
    if (!settings) return;
    const next = { ...settings, [event]: mode };
    setSettings(next);
    try {
      setSettings(await notificationsApi.updateCompanySettings(next));
      setStatus(t('panel.saved'));
    } catch {
      setSettings(settings);
      setStatus(t('errors.generic'));
    }
  };
  return (
    <section className="card" aria-labelledby="company-title">
      <h3 id="company-title" className="card__title">
        {t('notifications.companyDefaults')}
      </h3>
      <p className="card__text">{t('notifications.companyDefaultsIntro')}</p>
      {settings &&
        notificationEvents.map((event) => (
          <div key={event} className="field field--inline">
            <label htmlFor={`default-${event}`}>{t(`notifications.event.${event}`)}</label>
            <select
              id={`default-${event}`}
              value={settings[event]}
              onChange={(e) => void change(event, e.target.value as TNotificationDefaultMode)}
            >
              {(['on', 'off', 'disabled'] as const).map((mode) => (
                <option key={mode} value={mode}>
                  {t(`notifications.mode.${mode}`)}
                </option>
              ))}
            </select>
          </div>
        ))}
      {status && (
        <p className="card__note" role="status">
          {status}
        </p>
      )}
    </section>
  );
}
