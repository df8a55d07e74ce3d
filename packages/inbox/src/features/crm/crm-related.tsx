import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import {
  renderHtml,
  type TCrmActivityDto,
  type TCrmDealDto,
  type TCrmLeadDto,
  type TCrmNoteDto,
} from '@charla/protocol';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { AdminIcon } from '../playbooks/admin-icons';
import type { CrmDtoOf, CrmEntity } from './crm-api';
import { formatDate, formatDateTime } from './crm-format';
import { localizeTimestamps } from './note-times';

export type Fact = { label: string; value: ReactNode };

function recordLink(section: CrmEntity, id: string, name: string) {
  return (
    <Link to={`/crm/${section}/${id}`} className="crm-link">
      {name}
    </Link>
  );
}

/** The facts linking a record to the others: a lead's deal, a deal's lead, an activity's records. */
export function linkFacts(entity: CrmEntity, item: CrmDtoOf[CrmEntity], t: TFunction): Fact[] {
  const facts: Fact[] = [];
  const add = (label: string, section: CrmEntity, id: string | null | undefined, name: string) => {
    if (id) facts.push({ label, value: recordLink(section, id, name) });
  };
  if (entity === 'leads') {
    add(t('crm.fields.deal'), 'deals', (item as TCrmLeadDto).convertedDealId, t('crm.openDeal'));
  } else if (entity === 'deals') {
    add(t('crm.fields.lead'), 'leads', (item as TCrmDealDto).leadId, t('crm.openLead'));
  } else if (entity === 'activities') {
    const activity = item as TCrmActivityDto;
    add(t('crm.fields.lead'), 'leads', activity.leadId, t('crm.openLead'));
    add(t('crm.fields.deal'), 'deals', activity.dealId, t('crm.openDeal'));
    add(t('crm.fields.person'), 'persons', activity.personId, t('crm.openPerson'));
  }
  return facts;
}

/** The record's activities, each a link with its type, due time and whether it is done; `action` adds one. */
export function RelatedActivities({
  activities,
  action,
}: {
  activities: TCrmActivityDto[];
  action?: ReactNode;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <section className="card" data-testid="related-activities">
      <div className="crm-card-head">
        <h2 className="card__title">{t('crm.entities.activities')}</h2>
        {action}
      </div>
      {activities.length === 0 ? (
        <p className="card__text">{t('crm.noActivities')}</p>
      ) : (
        <ul className="crm-related crm-related--activities">
          {activities.map((a) => (
            <li key={a.id}>
              <AdminIcon name="calendar" size={15} />
              <Link to={`/crm/activities/${a.id}`}>{a.subject}</Link>
              <span className="pb-muted">
                {t(`crm.activityTypes.${a.type}`)} · {formatDateTime(a.dueAt, lang)}
                {a.done && ` · ${t('crm.fields.done')}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The record's notes (transcripts among them), their times in the viewer's language. */
export function RelatedNotes({ notes }: { notes: TCrmNoteDto[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <section className="card">
      <h2 className="card__title">{t('crm.notes')}</h2>
      <ul className="crm-notes">
        {notes.map((n) => (
          <li key={n.id}>
            <div
              className="rich"
              dangerouslySetInnerHTML={{ __html: renderHtml(localizeTimestamps(n.body, lang)) }}
            />
            <span className="pb-muted">{formatDate(n.createdAt, lang)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
