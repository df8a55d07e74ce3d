import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api-client';
import { Link } from '../../lib/router';
import { AuthLayout } from '../auth/auth-layout';
import './accounts.css';
import { accountErrorMessage } from './code-message';

/** "Forgot password?": always the same answer, whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/forgot-password', { email: email.trim() });
      setSentTo(email.trim());
    } catch (cause) {
      setError(accountErrorMessage(t, cause));
    } finally {
      setBusy(false);
    }
  };
  return (
    <AuthLayout title={t('accounts.forgotTitle')} subtitle={t('accounts.forgotSubtitle')}>
      {sentTo ? (
        <p className="auth__done" role="status">
          {t('accounts.forgotSent', { email: sentTo })}
        </p>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)}>
          <div className="field">
            <label htmlFor="forgot-email">{t('auth.email')}</label>
            <input
              id="forgot-email"
              type="email"
              autoComplete="username"
              required
              maxLength={254}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoFocus
            />
          </div>
          {error && (
            <p className="form__error" role="alert">
              {error}
            </p>
          )}
          <button className="btn btn--primary btn--block" type="submit" disabled={busy || !email.trim()}>
            {t('accounts.forgotSubmit')}
          </button>
        </form>
      )}
      <p className="auth__alt">
        <Link to="/">{t('accounts.backToLogin')}</Link>
      </p>
    </AuthLayout>
  );
}
