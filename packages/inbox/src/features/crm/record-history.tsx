import { useTranslation } from 'react-i18next';
import type { TCrmChangeDto, TCrmChangeValue } from '@charla/protocol';
import { currentLanguage } from '../../lib/i18n';
import { formatDate, formatDateTime, formatMoney } from './crm-format';

/** DTO field → label key of `crm.fields`. */
const FIELD_LABELS: Record<string, string> = {
  expectedCloseDate: 'expectedClose',
  ownerId: 'owner',
  assigneeId: 'assignee',
  pipelineId: 'pipeline',
  personId: 'person',
  organizationId: 'organization',
  leadId: 'lead',
  dealId: 'deal',
  dueAt: 'due',
  emails: 'email',
  phones: 'phone',
};

function useShowValue() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (field: string, value: TCrmChangeValue): string => {
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
    if (typeof value === 'boolean') return value ? t('crm.yes') : t('crm.no');
    if (Array.isArray(value)) return value.join(', ');
    if (typeof value === 'object')
      return 'amountMinor' in value ? formatMoney(value, lang) : value.name || t('crm.deletedRecord');
    if (field === 'dueAt' && typeof value === 'number') return formatDateTime(value, lang);
    if (field === 'expectedCloseDate') return formatDate(String(value), lang);
    if (field === 'status') return t(`crm.status.${value}`);
    if (field === 'type') return t(`crm.activityTypes.${value}`);
    return String(value);
  };
}

/** The record's change history: who changed which field from what to what, and when. */
export function RecordHistory({ changes }: { changes: TCrmChangeDto[] | null }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const show = useShowValue();
  return (
    <section className="card" aria-labelledby="crm-history-title">
      <h2 className="card__title" id="crm-history-title">
        {t('crm.history')}
      </h2>
      {changes === null ? (
        <p className="card__text">{t('common.loading')}</p>
      ) : changes.length === 0 ? (
        <p className="card__text">{t('crm.noHistory')}</p>
      ) : (
        <ol className="crm-history" data-testid="record-history">
          {changes.map((c) => (
            <li key={c.id}>
              <span>
                {t('crm.changed', {
                  who: c.by?.name ?? t('crm.system'),
                  field: t(`crm.fields.${FIELD_LABELS[c.field] ?? c.field}`),
                })}
              </span>{' '}
              <span className="crm-history__values">
                <del>{show(c.field, c.from)}</del> → <ins>{show(c.field, c.to)}</ins>
              </span>
              <time className="pb-muted" dateTime={new Date(c.at).toISOString()}>
                {formatDateTime(c.at, lang)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
