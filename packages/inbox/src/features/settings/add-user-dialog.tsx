import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLanguage, TRole, TUserDto } from '@charla/protocol';
import { FormDialog } from '../../components/form-dialog';
import { ApiError } from '../../lib/api-client';
import { currentLanguage } from '../../lib/i18n';
import { personFieldErrors } from '../../lib/person-fields';
import { useFieldErrors } from '../../lib/use-field-errors';
import { settingsApi } from './settings-api';
import { LanguageOptions } from '../../components/language-options';

const FIELD_ORDER = ['name', 'email', 'password'] as const;

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
  const { errors, show, showRefusal } = useFieldErrors('user', FIELD_ORDER);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setForm({ name: '', email: '', role: 'regular', password: '', language: currentLanguage() });
      show({});
      setError(null);
    }
  }, [open, show]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (show(personFieldErrors(form, t))) return;
    try {
      onAdded(await settingsApi.createUser({ ...form, name: form.name.trim(), email: form.email.trim() }));
    } catch (cause) {
      if (!showRefusal(cause, t('settings.users.emailTaken')))
        setError(cause instanceof ApiError ? cause.message : t('errors.generic'));
    }
  };

  const field = (key: 'name' | 'email' | 'password', type = 'text', hint?: string) => (
    <UserField
      name={key}
      type={type}
      hint={hint}
      value={form[key]}
      error={errors[key]}
      onChange={(value) => setForm({ ...form, [key]: value })}
    />
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
      noValidate
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

type UserFieldProps = {
  name: (typeof FIELD_ORDER)[number];
  type: string;
  hint: string | undefined;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
};

/** One labelled input of the dialog with its error, or else its hint. */
function UserField({ name, type, hint, value, error, onChange }: UserFieldProps) {
  const { t } = useTranslation();
  const id = `user-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{t(`settings.users.${name}`)}</label>
      <input
        id={id}
        type={type}
        required
        autoComplete={name === 'password' ? 'new-password' : 'off'}
        minLength={name === 'password' ? 10 : undefined}
        value={value}
        aria-invalid={error !== undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <span className="field__error" id={`${id}-error`}>
          {error}
        </span>
      ) : (
        hint && <span className="field__hint">{hint}</span>
      )}
    </div>
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
