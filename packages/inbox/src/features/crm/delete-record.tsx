import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/dialog';
import { ApiError } from '../../lib/api-client';
import { useRouter } from '../../lib/router';
import { AdminIcon } from '../playbooks/admin-icons';
import { crmApi, type CrmEntity } from './crm-api';
import { toastOnNextCrmScreen } from './crm-toast';

/**
 * "Delete" on a record's page: asks first, saying what becomes of the records and conversations
 * linked to it (as the server's delete leaves them), then goes back to the list with a toast.
 * Every user may delete a CRM record (R25); the server decides.
 */
export function DeleteRecordAction({ entity, id, name }: { entity: CrmEntity; id: string; name: string }) {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await crmApi.remove(entity, id);
    } catch (cause) {
      // Someone else deleted it first: it is gone all the same.
      if (!(cause instanceof ApiError && cause.status === 404)) {
        setBusy(false);
        setError(cause instanceof ApiError ? cause.message : t('crm.delete.failed'));
        return;
      }
    }
    toastOnNextCrmScreen(t('crm.delete.done', { name }));
    // Back would lead to a page that no longer exists: the list takes its place in the history.
    navigate(`/crm/${entity}`, { replace: true });
  };

  return (
    <>
      <button
        type="button"
        className="btn"
        onClick={() => setAsking(true)}
        disabled={busy}
        data-testid="delete-record"
      >
        <AdminIcon name="trash" />
        {t('crm.delete.action')}
      </button>
      {error && (
        <p className="form__error crm-delete__error" role="alert">
          {error}
        </p>
      )}
      <ConfirmDialog
        open={asking}
        title={t('crm.delete.title', { name })}
        confirmLabel={t('crm.delete.confirm')}
        onCancel={() => setAsking(false)}
        onConfirm={() => void remove()}
        busy={busy}
        testId="confirm-delete"
      >
        <p>{t(`crm.delete.consequences.${entity}`)}</p>
        <p>{t('crm.delete.irreversible')}</p>
      </ConfirmDialog>
    </>
  );
}
