import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ZPlaybookActivityType,
  type TEndNode,
  type TPlaybookActivityType,
  type TPlaybookCrmActions,
  type TUserDto,
} from '@charla/protocol';
import { api } from '../../lib/api-client';
import { FieldError, useFieldInvalid } from './field-findings';
import { CheckField } from '../../components/check-field';

type Props = { node: TEndNode; onChange: (patch: Partial<TEndNode>) => void };

const DAY_MINUTES = 24 * 60;
const MAX_DUE_DAYS = 365;

/** Active users who can own what the end card creates (admin-only screen: the admin list). */
function useOwners(): TUserDto[] {
  const [users, setUsers] = useState<TUserDto[]>([]);
  useEffect(() => {
    api.get<TUserDto[]>('/admin/users').then(
      (list) => setUsers(list.filter((u) => u.active)),
      () => setUsers([]),
    );
  }, []);
  return users;
}

/** The record the end card creates: none, a lead or a deal, with its title. */
function RecordFields({
  crm,
  onCrm,
}: {
  crm: TPlaybookCrmActions;
  onCrm: (crm: TPlaybookCrmActions) => void;
}) {
  const { t } = useTranslation();
  const invalid = useFieldInvalid('end-record');
  const record = crm.record;
  return (
    <>
      <div className="field">
        <label htmlFor="end-record">{t('playbooks.editor.createRecord')}</label>
        <select
          id="end-record"
          {...invalid}
          value={record.kind}
          onChange={(e) => {
            const kind = e.target.value as 'none' | 'lead' | 'deal';
            const next = kind === 'none' ? { kind } : { kind, titleTemplate: '{{visitor_name}} (chatbot)' };
            const mode = kind === 'none' ? crm.person.mode : 'upsert_by_email_or_phone';
            onCrm({ ...crm, record: next, person: { mode } });
          }}
        >
          {(['none', 'lead', 'deal'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`playbooks.records.${k}`)}
            </option>
          ))}
        </select>
        <FieldError field="end-record" />
      </div>
      {record.kind !== 'none' && (
        <div className="field pb-grid-span">
          <label htmlFor="end-title">{t('playbooks.editor.recordTitle')}</label>
          <input
            id="end-title"
            value={record.titleTemplate}
            maxLength={200}
            aria-describedby="end-title-hint"
            onChange={(e) => onCrm({ ...crm, record: { ...record, titleTemplate: e.target.value } })}
          />
          <FieldError field="end-title" />
          <span id="end-title-hint" className="field__hint">
            {t('playbooks.editor.templateHint', {
              name: '{{visitor_name}}',
              email: '{{visitor_email}}',
              company: '{{company_name}}',
            })}
          </span>
        </div>
      )}
    </>
  );
}

/** When the activity is due, in whole days after the conversation ends (stored in minutes). */
function DueDaysField({ minutes, onMinutes }: { minutes: number; onMinutes: (minutes: number) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor="end-activity-due">{t('playbooks.activity.dueInDays')}</label>
      <input
        id="end-activity-due"
        type="number"
        min={0}
        max={MAX_DUE_DAYS}
        value={Math.round(minutes / DAY_MINUTES)}
        aria-describedby="end-activity-due-hint"
        onChange={(e) => {
          const days = Math.min(MAX_DUE_DAYS, Math.max(0, Math.round(Number(e.target.value) || 0)));
          onMinutes(days * DAY_MINUTES);
        }}
      />
      <span id="end-activity-due-hint" className="field__hint">
        {t('playbooks.activity.dueHint')}
      </span>
    </div>
  );
}

/** The follow-up activity: type, subject, due in N days (R9, issue 18). */
function ActivityFields({
  crm,
  onCrm,
}: {
  crm: TPlaybookCrmActions;
  onCrm: (crm: TPlaybookCrmActions) => void;
}) {
  const { t } = useTranslation();
  const subjectInvalid = useFieldInvalid('end-activity-subject');
  const activity = crm.activity;
  return (
    <fieldset className="pb-fieldset" data-testid="end-activity">
      <legend>{t('playbooks.activity.title')}</legend>
      <label className="pb-check">
        <input
          type="checkbox"
          className="check"
          checked={activity !== undefined}
          onChange={(e) =>
            onCrm({
              ...crm,
              activity: e.target.checked
                ? {
                    type: 'call',
                    subjectTemplate: t('playbooks.activity.defaultSubject'),
                    dueInMinutes: DAY_MINUTES,
                  }
                : undefined,
            })
          }
        />
        {t('playbooks.activity.create')}
      </label>
      {activity && (
        <div className="pb-grid-2 pb-grid-2--top">
          <div className="field">
            <label htmlFor="end-activity-type">{t('playbooks.activity.type')}</label>
            <select
              id="end-activity-type"
              value={activity.type}
              onChange={(e) =>
                onCrm({ ...crm, activity: { ...activity, type: e.target.value as TPlaybookActivityType } })
              }
            >
              {ZPlaybookActivityType.options.map((type) => (
                <option key={type} value={type}>
                  {t(`crm.activityTypes.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <DueDaysField
            minutes={activity.dueInMinutes}
            onMinutes={(dueInMinutes) => onCrm({ ...crm, activity: { ...activity, dueInMinutes } })}
          />
          <div className="field pb-grid-span">
            <label htmlFor="end-activity-subject">{t('playbooks.activity.subject')}</label>
            <input
              id="end-activity-subject"
              value={activity.subjectTemplate}
              maxLength={200}
              {...subjectInvalid}
              onChange={(e) => onCrm({ ...crm, activity: { ...activity, subjectTemplate: e.target.value } })}
            />
            <FieldError field="end-activity-subject" />
          </div>
        </div>
      )}
    </fieldset>
  );
}

/** Who owns the lead, deal and activity the end card creates. */
function OwnerField({ crm, onCrm }: { crm: TPlaybookCrmActions; onCrm: (crm: TPlaybookCrmActions) => void }) {
  const { t } = useTranslation();
  const owners = useOwners();
  const value = crm.owner.strategy === 'fixed' ? crm.owner.userId : '';
  const known = value === '' || owners.some((u) => u.id === value);
  return (
    <div className="field">
      <label htmlFor="end-owner">{t('playbooks.activity.owner')}</label>
      <select
        id="end-owner"
        value={value}
        onChange={(e) =>
          onCrm({
            ...crm,
            owner:
              e.target.value === ''
                ? { strategy: 'unassigned' }
                : { strategy: 'fixed', userId: e.target.value },
          })
        }
      >
        <option value="">{t('playbooks.activity.unassigned')}</option>
        {!known && <option value={value}>{t('playbooks.activity.unknownOwner')}</option>}
        {owners.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The end card's settings: outcome, what it creates in the CRM, who owns it, the transcript. */
export function EndCardFields({ node, onChange }: Props) {
  const { t } = useTranslation();
  const onCrm = (crm: TPlaybookCrmActions) => onChange({ crm });
  return (
    <>
      <div className="pb-grid-2">
        <div className="field">
          <label htmlFor="end-outcome">{t('playbooks.editor.outcome')}</label>
          <select
            id="end-outcome"
            value={node.outcome}
            onChange={(e) => onChange({ outcome: e.target.value as TEndNode['outcome'] })}
          >
            {(['qualified', 'disqualified', 'neutral'] as const).map((o) => (
              <option key={o} value={o}>
                {t(`playbooks.outcomes.${o}`)}
              </option>
            ))}
          </select>
        </div>
        <RecordFields crm={node.crm} onCrm={onCrm} />
      </div>
      <ActivityFields crm={node.crm} onCrm={onCrm} />
      <div className="pb-grid-2">
        <OwnerField crm={node.crm} onCrm={onCrm} />
      </div>
      <CheckField
        checked={node.crm.saveTranscript}
        onChange={(saveTranscript) => onCrm({ ...node.crm, saveTranscript })}
      >
        {t('playbooks.editor.saveTranscript')}
      </CheckField>
    </>
  );
}
