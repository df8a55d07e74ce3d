import { useTranslation } from 'react-i18next';

/** A new-password input with its hint and error, as the invite and reset pages use it. */
export function NewPasswordField({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        maxLength={200}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint`}
      />
      <span className={error ? 'field__error' : 'field__hint'} id={`${id}-hint`}>
        {error ?? t('accounts.passwordHint')}
      </span>
    </div>
  );
}
