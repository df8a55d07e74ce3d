import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TUserDto } from '@charla/protocol';
import { api, ApiError, fieldErrorsOf } from '../../lib/api-client';
import { currentLanguage } from '../../lib/i18n';
import { NAME_MAX, personFieldErrors } from '../../lib/person-fields';
import { useFieldErrors } from '../../lib/use-field-errors';
import { useRouter, useSearchParam } from '../../lib/router';
import { AuthLayout } from './auth-layout';
import { useSession } from './session-context';

const FIELD_ORDER = ['name', 'email', 'password', 'companyName'] as const;

export function SetupPage() {
  const { t } = useTranslation();
  const token = useSearchParam('token') ?? '';
  const { setUser } = useSession();
  const { navigate } = useRouter();
  const [form, setForm] = useState({ name: '', email: '', password: '', companyName: '' });
  const { errors: fieldErrors, show: showFieldErrors } = useFieldErrors('setup', FIELD_ORDER);
  const [error, setError] = useState<string | null>(token === '' ? t('setup.noToken') : null);
  const [busy, setBusy] = useState(false);

  const update = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = personFieldErrors({ name: form.name, email: form.email }, t);
    if (form.password.length < 10) local.password = t('setup.passwordTooShort');
    if (form.companyName.trim().length > NAME_MAX) local.companyName = t('errors.tooLong', { max: NAME_MAX });
    if (showFieldErrors(local)) return;
    setBusy(true);
    setError(null);
    try {
      const user = await api.post<TUserDto>('/setup', {
        token,
        name: form.name,
        email: form.email,
        password: form.password,
        companyName: form.companyName || undefined,
        language: currentLanguage(),
      });
      setUser(user);
      navigate('/inbox/unassigned?welcome=1', { replace: true });
    } catch (cause) {
      const onAField = showFieldErrors(fieldErrorsOf(cause));
      if (cause instanceof ApiError && cause.code === 'SETUP_ALREADY_DONE') setError(t('setup.alreadyDone'));
      else if (cause instanceof ApiError && cause.code === 'SETUP_TOKEN_INVALID')
        setError(t('setup.tokenInvalid'));
      // A refusal that no field on screen shows still says something.
      else if (!onAField) setError(t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };

  const field = (key: keyof typeof form, type: string, autoComplete: string, hint?: string) => (
    <SetupField
      name={key}
      type={type}
      autoComplete={autoComplete}
      hint={hint}
      value={form[key]}
      error={fieldErrors[key]}
      onChange={update(key)}
    />
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

type SetupFieldProps = {
  name: 'name' | 'email' | 'password' | 'companyName';
  type: string;
  autoComplete: string;
  hint: string | undefined;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
};

/** One labelled input of the setup form with its error or hint. */
function SetupField({ name, type, autoComplete, hint, value, error, onChange }: SetupFieldProps) {
  const { t } = useTranslation();
  const id = `setup-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{t(`setup.${name}`)}</label>
      <input
        id={id}
        type={type}
        autoComplete={autoComplete}
        required={name !== 'companyName'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
      />
      {error ? (
        <span className="field__error" id={`${id}-error`}>
          {error}
        </span>
      ) : (
        hint && (
          <span className="field__hint" id={`${id}-hint`}>
            {hint}
          </span>
        )
      )}
    </div>
  );
}
