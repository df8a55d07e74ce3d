import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/form-dialog';
import { useMe } from '../../auth/session-context';
import { AdminIcon } from '../../playbooks/admin-icons';
import { ActivityFields, useActivityDraft, type ActivityLinks } from './activity-draft';

/** "Add activity" on a record's page: the form of My activities in a dialog, linked to the record. */
export function AddActivityAction({
  links,
  name,
  onAdded,
}: {
  links: ActivityLinks;
  name: string;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const draft = useActivityDraft(me.id, links, () => {
    setOpen(false);
    onAdded();
  });
  return (
    <>
      <button
        type="button"
        className="btn btn--sm"
        onClick={() => {
          draft.reset();
          setOpen(true);
        }}
        data-testid="add-activity"
      >
        <AdminIcon name="plus" size={14} />
        {t('crm.my.add')}
      </button>
      <FormDialog
        open={open}
        title={t('crm.addActivityTo', { name })}
        formId={formId}
        submitLabel={t('crm.my.add')}
        canSubmit={!draft.busy}
        error={draft.error}
        onClose={() => setOpen(false)}
        onSubmit={draft.submit}
        submitTestId="add-activity-submit"
      >
        <ActivityFields draft={draft} />
      </FormDialog>
    </>
  );
}
