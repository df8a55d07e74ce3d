import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLanguage, TRole, TUserDto } from '@charla/protocol';
import { FormDialog } from '../../components/form-dialog';
import { ApiError, fieldErrorsOf } from '../../lib/api-client';
import { currentLanguage } from '../../lib/i18n';
import { settingsApi } from './settings-api';
import { LanguageOptions } from '../../components/language-options';

/** A new user with a first password to hand over, their role and language. */
export function AddUserDialog({
  open,
  onClose,
  onAdded,
}: {
  open: boolean;
  onClose: () => void;
  onAdded: (u: TUserDto) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    name: '',
    email: '',
    role: 'regular' as TRole,
    password: '',
    language: currentLanguage(),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setForm({ name: '', email: '', role: 'regular', password: '', language: currentLanguage() });
      setErrors({});
      setError(null);
    }
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onAdded(await settingsApi.createUser(form));
    } catch (cause) {
      setErrors(fieldErrorsOf(cause));
      setError(
        cause instanceof ApiError && cause.code === 'EMAIL_TAKEN' ? t('settings.users.emailTaken') : null,
      );
    }
  };

  const field = (key: 'name' | 'email' | 'password', type = 'text', hint?: string) => (
    <div className="field">
      <label htmlFor={`user-${key}`}>{t(`settings.users.${key}`)}</label>
      <input
        id={`user-${key}`}
        type={type}
        required
        autoComplete={key === 'password' ? 'new-password' : 'off'}
        minLength={key === 'password' ? 10 : undefined}
        value={form[key]}
        aria-invalid={errors[key] !== undefined}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
      {errors[key] ? (
        <span className="field__error">{errors[key]}</span>
      ) : (
        hint && <span className="field__hint">{hint}</span>
      )}
    </div>
  );

  return (
    <FormDialog
      open={open}
      title={t('settings.users.add')}
      onClose={onClose}
      formId="add-user"
      submitLabel={t('settings.users.create')}
      error={error}
      onSubmit={submit}
    >
      {field('name')}
      {field('email', 'email')}
      {field('password', 'password', t('settings.users.passwordHint'))}
      <RoleAndLanguage
        role={form.role}
        language={form.language}
        onRole={(role) => setForm({ ...form, role })}
        onLanguage={(language) => setForm({ ...form, language })}
      />
    </FormDialog>
  );
}

function RoleAndLanguage({
  role,
  language,
  onRole,
  onLanguage,
}: {
  role: TRole;
  language: TLanguage;
  onRole: (role: TRole) => void;
  onLanguage: (language: TLanguage) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="pb-grid-2">
      <div className="field">
        <label htmlFor="user-role">{t('settings.users.role')}</label>
        <select id="user-role" value={role} onChange={(e) => onRole(e.target.value as TRole)}>
          <option value="regular">{t('roles.regular')}</option>
          <option value="admin">{t('roles.admin')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="user-language">{t('settings.users.language')}</label>
        <select id="user-language" value={language} onChange={(e) => onLanguage(e.target.value as TLanguage)}>
          <LanguageOptions />
        </select>
      </div>
    </div>
  );
}
