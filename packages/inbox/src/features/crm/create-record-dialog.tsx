import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/dialog';
import { fieldErrorsOf } from '../../lib/api-client';
import { crmApi, type CrmEntity } from './crm-api';

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
  const usesTitle = entity === 'leads' || entity === 'deals';
  useEffect(() => {
    if (open) {
      setName('');
      setEmail('');
      setError(null);
    }
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: Record<string, unknown> = usesTitle ? { title: name.trim() } : { name: name.trim() };
    if (entity === 'persons' && email.trim()) body.emails = [email.trim()];
    try {
      const created = await crmApi.create(entity, body);
      onCreated(created.id);
    } catch (cause) {
      const fields = fieldErrorsOf(cause);
      setError(Object.values(fields)[0] ?? t('errors.generic'));
    }
  };

  return (
    <Dialog
      open={open}
      title={t(`crm.new.${entity}`)}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="crm-create" className="btn btn--primary" disabled={!name.trim()}>
            {t('crm.create')}
          </button>
        </>
      }
    >
      <form id="crm-create" className="form" onSubmit={(e) => void submit(e)}>
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
        {entity === 'persons' && (
          <div className="field">
            <label htmlFor="crm-create-email">{t('crm.fields.email')}</label>
            <input
              id="crm-create-email"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
        )}
        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
