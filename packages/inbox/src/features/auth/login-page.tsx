import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/password-field';
import type { TUserDto } from '@charla/protocol';
import { api, ApiError } from '../../lib/api-client';
import { Link } from '../../lib/router';
import { AuthLayout } from './auth-layout';
import { useSession } from './session-context';

export function LoginPage() {
  const { t } = useTranslation();
  const { setUser } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setUser(await api.post<TUserDto>('/auth/login', { email, password }));
    } catch (cause) {
      setError(
        cause instanceof ApiError && cause.code === 'INVALID_CREDENTIALS'
          ? t('auth.invalidCredentials')
          : cause instanceof ApiError && cause.code === 'RATE_LIMITED'
            ? t('errors.rateLimited')
            : t('errors.generic'),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('auth.loginTitle')} subtitle={t('auth.loginSubtitle')}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="login-email">{t('auth.email')}</label>
          <input
            id="login-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoFocus
          />
        </div>
        <PasswordField
          id="login-password"
          label={t('auth.password')}
          value={password}
          onChange={setPassword}
        />
        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
        <button
          className="btn btn--primary btn--block"
          type="submit"
          disabled={busy || email === '' || password === ''}
        >
          {busy ? t('auth.signingIn') : t('auth.signIn')}
        </button>
      </form>
      <p className="auth__alt">
        <Link to="/forgot-password">{t('accounts.forgotLink')}</Link>
      </p>
    </AuthLayout>
  );
}
