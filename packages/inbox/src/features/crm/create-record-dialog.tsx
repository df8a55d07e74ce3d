import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../components/form-dialog';
import { fieldErrorsOf } from '../../lib/api-client';
import { crmApi, type CrmEntity } from './crm-api';
import { parseContactList } from './field-parse';

/** Creates a lead, deal, person or organization by its name; details are edited on its page. */
export function CreateRecordDialog({
  entity,
  open,
  onClose,
  onCreated,
}: {
  entity: CrmEntity;
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [emailError, setEmailError] = useState<string | null>(null);
  const usesTitle = entity === 'leads' || entity === 'deals';
  useEffect(() => {
    if (open) {
      setName('');
      setEmail('');
      setError(null);
      setEmailError(null);
    }
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Checked here, with the app's words next to the field, rather than by the browser's bubble.
    const emails = parseContactList(email, 'email');
    if (entity === 'persons' && !emails.ok) {
      setEmailError(t('crm.invalidEmail'));
      return;
    }
    setEmailError(null);
    const body: Record<string, unknown> = usesTitle ? { title: name.trim() } : { name: name.trim() };
    if (entity === 'persons' && emails.ok && emails.value.length) body.emails = emails.value;
    try {
      const created = await crmApi.create(entity, body);
      onCreated(created.id);
    } catch (cause) {
      const fields = fieldErrorsOf(cause);
      setError(Object.values(fields)[0] ?? t('errors.generic'));
    }
  };

  return (
    <FormDialog
      open={open}
      title={t(`crm.new.${entity}`)}
      formId="crm-create"
      submitLabel={t('crm.create')}
      canSubmit={name.trim() !== ''}
      error={error}
      onClose={onClose}
      onSubmit={submit}
      noValidate
    >
      <div className="field">
        <label htmlFor="crm-create-name">{usesTitle ? t('crm.fields.title') : t('crm.fields.name')}</label>
        <input
          id="crm-create-name"
          value={name}
          maxLength={200}
          autoFocus
          required
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      {entity === 'persons' && <EmailField value={email} error={emailError} onChange={setEmail} />}
    </FormDialog>
  );
}

/** A new person's email, with the reason it is not valid next to it. */
function EmailField({
  value,
  error,
  onChange,
}: {
  value: string;
  error: string | null;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor="crm-create-email">{t('crm.fields.email')}</label>
      <input
        id="crm-create-email"
        type="email"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'crm-create-email-error' : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <span className="field__error" id="crm-create-email-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
