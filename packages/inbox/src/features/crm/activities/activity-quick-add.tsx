import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { crmActivityTypes, type TCrmActivityType } from '@charla/protocol';
import { fieldErrorsOf } from '../../../lib/api-client';
import { crmApi } from '../crm-api';
import { dateTimeInputToMs } from '../field-parse';

/** A new activity for `ownerId`: subject, type and due date and time. */
export function ActivityQuickAdd({ ownerId, onAdded }: { ownerId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [subject, setSubject] = useState('');
  const [type, setType] = useState<TCrmActivityType>('call');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await crmApi.create('activities', {
        subject: subject.trim(),
        type,
        dueAt: dateTimeInputToMs(due),
        assigneeId: ownerId,
      });
      setSubject('');
      setDue('');
      onAdded();
    } catch (cause) {
      setError(Object.values(fieldErrorsOf(cause))[0] ?? t('errors.generic'));
    }
  };

  return (
    <form className="card activity-add" onSubmit={(e) => void submit(e)} aria-label={t('crm.my.add')}>
      <div className="field">
        <label htmlFor="activity-subject">{t('crm.fields.subject')}</label>
        <input
          id="activity-subject"
          value={subject}
          maxLength={200}
          required
          onChange={(e) => setSubject(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="activity-type">{t('crm.fields.type')}</label>
        <select id="activity-type" value={type} onChange={(e) => setType(e.target.value as TCrmActivityType)}>
          {crmActivityTypes.map((v) => (
            <option key={v} value={v}>
              {t(`crm.activityTypes.${v}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="activity-due">{t('crm.fields.due')}</label>
        <input id="activity-due" type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
      </div>
      <button type="submit" className="btn btn--primary" disabled={!subject.trim()}>
        {t('crm.my.add')}
      </button>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
