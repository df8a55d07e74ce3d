import { useTranslation } from 'react-i18next';
import { ActivityFields, useActivityDraft } from './activity-draft';

const NO_LINKS = {};

/** A new activity for `ownerId`: subject, type and due date and time. */
export function ActivityQuickAdd({ ownerId, onAdded }: { ownerId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const draft = useActivityDraft(ownerId, NO_LINKS, () => {
    onAdded();
    // Send was disabled while saving, which left focus nowhere: back to the subject for the next one.
    draft.subjectRef.current?.focus();
  });
  return (
    <form
      className="card activity-add"
      noValidate
      onSubmit={(e) => void draft.submit(e)}
      aria-label={t('crm.my.add')}
    >
      <ActivityFields draft={draft} />
      <button type="submit" className="btn btn--primary" disabled={draft.busy}>
        {t('crm.my.add')}
      </button>
      {draft.error && (
        <p className="form__error" role="alert">
          {draft.error}
        </p>
      )}
    </form>
  );
}
