import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TUserDto } from '@charla/protocol';
import { api, ApiError, fieldErrorsOf } from '../../lib/api-client';
import { useRouter, useSearchParam } from '../../lib/router';
import { AuthLayout } from './auth-layout';
import { useSession } from './session-context';

export function SetupPage() {
  const { t } = useTranslation();
  const token = useSearchParam('token') ?? '';
  const { setUser } = useSession();
  const { navigate } = useRouter();
  const [form, setForm] = useState({ name: '', email: '', password: '', companyName: '' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(token === '' ? t('setup.noToken') : null);
  const [busy, setBusy] = useState(false);

  const update = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (form.password.length < 10) local.password = t('setup.passwordTooShort');
    setFieldErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const user = await api.post<TUserDto>('/setup', {
        token,
        name: form.name,
        email: form.email,
        password: form.password,
        companyName: form.companyName || undefined,
      });
      setUser(user);
      navigate('/inbox/unassigned?welcome=1', { replace: true });
    } catch (cause) {
      setFieldErrors(fieldErrorsOf(cause));
      if (cause instanceof ApiError && cause.code === 'SETUP_ALREADY_DONE') setError(t('setup.alreadyDone'));
      else if (cause instanceof ApiError && cause.code === 'SETUP_TOKEN_INVALID')
        setError(t('setup.tokenInvalid'));
      else if (!(cause instanceof ApiError && cause.code === 'VALIDATION_FAILED'))
        setError(t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };

  const field = (key: keyof typeof form, type: string, autoComplete: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`setup-${key}`}>{t(`setup.${key}`)}</label>
      <input
        id={`setup-${key}`}
        type={type}
        autoComplete={autoComplete}
        required={key !== 'companyName'}
        value={form[key]}
        onChange={(e) => update(key)(e.target.value)}
        aria-invalid={fieldErrors[key] ? true : undefined}
        aria-describedby={fieldErrors[key] ? `setup-${key}-error` : hint ? `setup-${key}-hint` : undefined}
      />
      {fieldErrors[key] ? (
        <span className="field__error" id={`setup-${key}-error`}>
          {fieldErrors[key]}
        </span>
      ) : (
        hint && (
          <span className="field__hint" id={`setup-${key}-hint`}>
            {hint}
          </span>
        )
      )}
    </div>
  );

  return (
    <AuthLayout title={t('setup.title')} subtitle={t('setup.subtitle')}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {field('name', 'text', 'name')}
        {field('email', 'email', 'email')}
        {field('password', 'password', 'new-password', t('setup.passwordHint'))}
        {field('companyName', 'text', 'organization')}
        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
        <button className="btn btn--primary btn--block" type="submit" disabled={busy || token === ''}>
          {busy ? t('setup.creating') : t('setup.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
