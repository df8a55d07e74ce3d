import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TInvitationSentDto, TLanguage, TRole } from '@charla/protocol';
import { FormDialog } from '../../components/form-dialog';
import { fieldErrorsOf } from '../../lib/api-client';
import { currentLanguage } from '../../lib/i18n';
import { personFieldErrors } from '../../lib/person-fields';
import { useFieldErrors } from '../../lib/use-field-errors';
import { accountErrorMessage } from './code-message';
import { invitationsApi } from './invitations-api';
import { LanguageOptions } from '../../components/language-options';

const FIELD_ORDER = ['name', 'email'] as const;

/** Name, email, role and the language of the mail; the server sends it (or returns the link to copy). */
export function InviteDialog({
  open,
  onClose,
  onSent,
}: {
  open: boolean;
  onClose: () => void;
  onSent: (result: TInvitationSentDto) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    name: '',
    email: '',
    role: 'regular' as TRole,
    language: currentLanguage(),
  });
  const { errors, show, showRefusal } = useFieldErrors('invite-user', FIELD_ORDER);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setForm({ name: '', email: '', role: 'regular', language: currentLanguage() });
      show({});
      setError(null);
    }
  }, [open, show]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (show(personFieldErrors({ name: form.name, email: form.email }, t))) return;
    try {
      onSent(await invitationsApi.invite({ ...form, name: form.name.trim(), email: form.email.trim() }));
    } catch (cause) {
      // The admin hears the address is in use on the team, not the invitee's sign-in advice.
      if (!showRefusal(cause, t('accounts.invitations.emailTaken')))
        setError(Object.values(fieldErrorsOf(cause))[0] ?? accountErrorMessage(t, cause));
    }
  };
  return (
    <FormDialog
      open={open}
      size="md"
      title={t('accounts.invitations.invite')}
      formId="invite-user"
      submitLabel={t('accounts.invitations.send')}
      error={error}
      onClose={onClose}
      onSubmit={submit}
      noValidate
    >
      <div className="field">
        <label htmlFor="invite-user-name">{t('accounts.invitations.name')}</label>
        <input
          id="invite-user-name"
          required
          value={form.name}
          aria-invalid={errors.name !== undefined}
          aria-describedby={errors.name ? 'invite-user-name-error' : undefined}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        <FieldError id="invite-user-name-error" message={errors.name} />
      </div>
      <div className="field">
        <label htmlFor="invite-user-email">{t('accounts.invitations.email')}</label>
        <input
          id="invite-user-email"
          type="email"
          required
          value={form.email}
          aria-invalid={errors.email !== undefined}
          aria-describedby={errors.email ? 'invite-user-email-error' : undefined}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
        />
        <FieldError id="invite-user-email-error" message={errors.email} />
      </div>
      <RoleAndLanguage form={form} onChange={(patch) => setForm({ ...form, ...patch })} />
    </FormDialog>
  );
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span className="field__error" id={id}>
      {message}
    </span>
  ) : null;
}

type RoleLanguage = { role: TRole; language: TLanguage };

/** The invitee's role and the language of the invitation mail. */
function RoleAndLanguage({
  form,
  onChange,
}: {
  form: RoleLanguage;
  onChange: (patch: Partial<RoleLanguage>) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field">
        <label htmlFor="invite-user-role">{t('accounts.invitations.role')}</label>
        <select
          id="invite-user-role"
          value={form.role}
          onChange={(e) => onChange({ role: e.target.value as TRole })}
        >
          <option value="regular">{t('roles.regular')}</option>
          <option value="admin">{t('roles.admin')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="invite-user-language">{t('accounts.invitations.language')}</label>
        <select
          id="invite-user-language"
          value={form.language}
          onChange={(e) => onChange({ language: e.target.value as TLanguage })}
        >
          <LanguageOptions />
        </select>
      </div>
    </>
  );
}
