import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { crmActivityTypes, type TCrmActivityType } from '@charla/protocol';
import { fieldErrorsOf } from '../../../lib/api-client';
import { crmApi } from '../crm-api';
import { dateTimeInputToMs } from '../field-parse';

/** The records a new activity is linked to (the activities API's links). */
export type ActivityLinks = { personId?: string; organizationId?: string; leadId?: string; dealId?: string };

/**
 * A new activity being typed: subject, type and due date and time, created for `assigneeId` and
 * linked to `links`; `onAdded` runs once the server created it.
 */
export function useActivityDraft(assigneeId: string, links: ActivityLinks, onAdded: () => void) {
  const { t } = useTranslation();
  const [subject, setSubject] = useState('');
  const [type, setType] = useState<TCrmActivityType>('call');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [subjectError, setSubjectError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const subjectRef = useRef<HTMLInputElement>(null);

  const refuseSubject = (message: string) => {
    setSubjectError(message);
    subjectRef.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSubjectError(null);
    // An empty subject says so under the field instead of a button that does nothing.
    if (!subject.trim()) return refuseSubject(t('errors.required'));
    setBusy(true);
    try {
      await crmApi.create('activities', {
        subject: subject.trim(),
        type,
        dueAt: dateTimeInputToMs(due),
        assigneeId,
        ...links,
      });
      setSubject('');
      setDue('');
      onAdded();
    } catch (cause) {
      const fields = fieldErrorsOf(cause);
      if (fields.subject) refuseSubject(fields.subject);
      else setError(Object.values(fields)[0] ?? t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };
  const reset = () => {
    setSubject('');
    setType('call');
    setDue('');
    setError(null);
    setSubjectError(null);
  };

  return {
    subject,
    setSubject,
    type,
    setType,
    due,
    setDue,
    error,
    subjectError,
    subjectRef,
    busy,
    submit,
    reset,
  };
}

export type ActivityDraft = ReturnType<typeof useActivityDraft>;

/** The fields of a new activity (My activities' quick add, a record page's "Add activity"). */
export function ActivityFields({ draft }: { draft: ActivityDraft }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-subject`}>{t('crm.fields.subject')}</label>
        <input
          id={`${id}-subject`}
          ref={draft.subjectRef}
          value={draft.subject}
          maxLength={200}
          aria-required="true"
          aria-invalid={draft.subjectError !== null}
          aria-describedby={draft.subjectError ? `${id}-subject-error` : undefined}
          onChange={(e) => draft.setSubject(e.target.value)}
        />
        {draft.subjectError && (
          <span id={`${id}-subject-error`} className="field__error">
            {draft.subjectError}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-type`}>{t('crm.fields.type')}</label>
        <select
          id={`${id}-type`}
          value={draft.type}
          onChange={(e) => draft.setType(e.target.value as TCrmActivityType)}
        >
          {crmActivityTypes.map((v) => (
            <option key={v} value={v}>
              {t(`crm.activityTypes.${v}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-due`}>{t('crm.fields.due')}</label>
        <input
          id={`${id}-due`}
          type="datetime-local"
          value={draft.due}
          onChange={(e) => draft.setDue(e.target.value)}
        />
      </div>
    </>
  );
}
