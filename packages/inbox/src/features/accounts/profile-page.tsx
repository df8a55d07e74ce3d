import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/password-field';
import type { TUserDto } from '@charla/protocol';
import { api, ApiError, fieldErrorsOf } from '../../lib/api-client';
import { useMe, useSession } from '../auth/session-context';
import { SettingsLayout } from '../settings/settings-layout';
import { accountErrorMessage } from './code-message';
import { NewPasswordField } from './password-field';
import './accounts.css';

type Notice = { text: string; error: boolean } | null;

function useFormNotice() {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<Notice>(null);
  const fail = (cause: unknown) => {
    const wrong =
      cause instanceof ApiError && cause.code === 'CURRENT_PASSWORD_WRONG'
        ? t('accounts.profile.wrongPassword')
        : (Object.values(fieldErrorsOf(cause))[0] ?? accountErrorMessage(t, cause));
    setNotice({ text: wrong, error: true });
  };
  return { notice, setNotice, fail };
}

function NoticeLine({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return (
    <p className={notice.error ? 'form__error' : 'settings__notice'} role={notice.error ? 'alert' : 'status'}>
      {notice.text}
    </p>
  );
}

/** My profile: change password or email, each with the current password (the old address is told). */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <SettingsLayout section="profile">
      <header className="page__header">
        <h2 className="settings__h">{t('settings.sections.profile')}</h2>
        <p>{t('accounts.profile.intro')}</p>
      </header>
      <ChangePasswordForm />
      <ChangeEmailForm email={me.email} />
    </SettingsLayout>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const { notice, setNotice, fail } = useFormNotice();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.post('/me/password', { currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setNotice({ text: t('accounts.profile.passwordSaved'), error: false });
    } catch (cause) {
      fail(cause);
    }
  };
  return (
    <section className="card profile-card">
      <h3>{t('accounts.profile.passwordTitle')}</h3>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <PasswordField
          id="profile-current-password"
          label={t('accounts.profile.currentPassword')}
          value={current}
          onChange={setCurrent}
        />
        <NewPasswordField
          id="profile-new-password"
          label={t('accounts.newPassword')}
          value={next}
          onChange={setNext}
          error={null}
        />
        <NoticeLine notice={notice} />
        <button type="submit" className="btn btn--primary" disabled={!current || next.length < 10}>
          {t('accounts.profile.savePassword')}
        </button>
      </form>
    </section>
  );
}

function ChangeEmailForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const { setUser } = useSession();
  const [current, setCurrent] = useState('');
  const [newEmail, setNewEmail] = useState('');
  const { notice, setNotice, fail } = useFormNotice();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setUser(await api.post<TUserDto>('/me/email', { currentPassword: current, newEmail: newEmail.trim() }));
      setCurrent('');
      setNewEmail('');
      setNotice({ text: t('accounts.profile.emailSaved'), error: false });
    } catch (cause) {
      fail(cause);
    }
  };
  return (
    <section className="card profile-card">
      <h3>{t('accounts.profile.emailTitle')}</h3>
      <p className="field__hint">{t('accounts.profile.currentEmail', { email })}</p>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="profile-new-email">{t('accounts.profile.newEmail')}</label>
          <input
            id="profile-new-email"
            type="email"
            autoComplete="email"
            required
            maxLength={254}
            value={newEmail}
            onChange={(e) => setNewEmail(e.target.value)}
          />
        </div>
        <PasswordField
          id="profile-email-password"
          label={t('accounts.profile.currentPassword')}
          value={current}
          onChange={setCurrent}
        />
        <NoticeLine notice={notice} />
        <button type="submit" className="btn btn--primary" disabled={!current || !newEmail.trim()}>
          {t('accounts.profile.saveEmail')}
        </button>
      </form>
    </section>
  );
}
