import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api-client';
import { Link, useSearchParam } from '../../lib/router';
import { AuthLayout } from '../auth/auth-layout';
import './accounts.css';
import { accountErrorMessage } from './code-message';
import { NewPasswordField } from './password-field';

/** The page a reset link opens: a new password, then sign in (every session was ended). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useSearchParam('token') ?? '';
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const [error, setError] = useState<string | null>(token ? null : t('accounts.noToken'));
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTooShort(password.length < 10);
    if (password.length < 10) return;
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/reset-password', { token, password });
      setDone(true);
    } catch (cause) {
      setError(accountErrorMessage(t, cause));
    } finally {
      setBusy(false);
    }
  };
  return (
    <AuthLayout title={t('accounts.resetTitle')} subtitle={t('accounts.resetSubtitle')}>
      {done ? (
        <p className="auth__done" role="status">
          {t('accounts.resetDone')}
        </p>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <NewPasswordField
            id="reset-password"
            label={t('accounts.newPassword')}
            value={password}
            onChange={setPassword}
            error={tooShort ? t('setup.passwordTooShort') : null}
          />
          {error && (
            <p className="form__error" role="alert">
              {error}
            </p>
          )}
          <button className="btn btn--primary btn--block" type="submit" disabled={busy || !token}>
            {t('accounts.resetSubmit')}
          </button>
        </form>
      )}
      <p className="auth__alt">
        <Link to="/">{t('accounts.backToLogin')}</Link>
        {!done && error && token && (
          <>
            {' · '}
            <Link to="/forgot-password">{t('accounts.forgotLink')}</Link>
          </>
        )}
      </p>
    </AuthLayout>
  );
}
