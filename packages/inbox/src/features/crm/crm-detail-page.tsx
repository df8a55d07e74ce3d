import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCrmActivityDto, TCrmLeadDto, TCrmPersonDto, TCrmSource } from '@charla/protocol';
import { Spinner } from '../../components/empty-state';
import { currentLanguage } from '../../lib/i18n';
import { Link, useRouter } from '../../lib/router';
import { AdminIcon } from '../playbooks/admin-icons';
import type { CrmDtoOf, CrmEntity } from './crm-api';
import { formatDate } from './crm-format';
import { ConversationLinks } from './conversation-links';
import { ConvertDialog } from './convert-dialog';
import { DeleteRecordAction } from './delete-record';
import { AddActivityAction } from './activities/add-activity-action';
import { recordActivityLinks } from './activities/record-activity-links';
import { CrmLayout } from './crm-layout';
import { linkFacts, RelatedActivities, RelatedNotes, type Fact } from './crm-related';
import { PersonRatings } from '../reports/person-ratings';
import { recordRows, type FieldContext } from './record-fields';
import { RecordHistory } from './record-history';
import { PersonIdentity } from './person-identity';
import { RELATION_KEY, useCrmRecord } from './use-crm-record';
import { useRecordEditor } from './use-record-editor';

/** The person a record is about, for labelling its conversations. */
function personNameOf(entity: CrmEntity, item: CrmDtoOf[CrmEntity]): string | null {
  if (entity === 'persons') return (item as TCrmPersonDto).name;
  if (entity === 'leads' || entity === 'deals') return (item as TCrmLeadDto).person?.name ?? null;
  return null;
}

function titleOf(entity: CrmEntity, item: CrmDtoOf[CrmEntity]): string {
  if (entity === 'leads' || entity === 'deals') return (item as TCrmLeadDto).title;
  if (entity === 'activities') return (item as TCrmActivityDto).subject;
  return (item as TCrmPersonDto).name;
}

/** One CRM record: its facts, the conversations it came from (R25), related activities and notes. */
export function CrmDetailPage({ entity, id }: { entity: CrmEntity; id: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const record = useCrmRecord(entity, id);
  const { item, users, pipelines, notice } = record;
  const editor = useRecordEditor(entity, item, record.setItem, record.loadHistory);

  if (record.missing || !item)
    return (
      <CrmLayout section={entity}>
        {record.missing ? (
          <p className="form__error" role="alert">
            {t('crm.notFound')}
          </p>
        ) : (
          <Spinner label={t('common.loading')} />
        )}
      </CrmLayout>
    );

  const ctx: FieldContext = { t, lang, users, pipelines, save: editor.save, version: item.version };
  const source = (item as { source: TCrmSource }).source;
  const facts: Fact[] = [
    ...recordRows(entity, item, ctx),
    ...linkFacts(entity, item, t),
    { label: t('crm.fields.source'), value: t(`crm.sources.${source}`) },
    { label: t('crm.fields.created'), value: formatDate(item.createdAt, lang) },
  ];
  const lead = entity === 'leads' ? (item as TCrmLeadDto) : null;
  const title = titleOf(entity, item);
  const actions = (
    <div className="crm-actions">
      <DeleteRecordAction entity={entity} id={id} name={title} />
      {lead?.status === 'open' && <ConvertAction lead={lead} onStale={record.load} />}
    </div>
  );

  return (
    <CrmLayout section={entity} actions={actions}>
      <nav className="crm-crumbs" aria-label={t('crm.breadcrumb')}>
        <Link to={`/crm/${entity}`}>{t(`crm.entities.${entity}`)}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{title}</span>
      </nav>
      {notice && (
        <p className="form__error" role="alert">
          {notice}
        </p>
      )}
      {editor.conflict && (
        <div className="crm-conflict" role="alert" data-testid="conflict">
          <p>{t('crm.conflict')}</p>
          <button type="button" className="btn" onClick={editor.reload}>
            {t('crm.reload')}
          </button>
        </div>
      )}
      <div className="crm-detail">
        <section className="card">
          <h2 className="crm-detail__title">{title}</h2>
          <dl className="crm-facts">
            {facts.map((f) => (
              <div key={f.label} className="crm-facts__row">
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <DetailSide entity={entity} id={id} item={item} title={title} record={record} />
      </div>
    </CrmLayout>
  );
}

/** Beside the facts: conversations, ratings and identity (persons), activities, history and notes. */
function DetailSide({
  entity,
  id,
  item,
  title,
  record,
}: {
  entity: CrmEntity;
  id: string;
  item: CrmDtoOf[CrmEntity];
  title: string;
  record: ReturnType<typeof useCrmRecord>;
}) {
  const activityLinks = recordActivityLinks(entity, item);
  const conversationIds = (item as { conversationIds?: string[] }).conversationIds ?? [];
  return (
    <div className="crm-detail__side">
      {entity !== 'activities' && (
        <ConversationLinks ids={conversationIds} personName={personNameOf(entity, item)} />
      )}
      {entity === 'persons' && <PersonRatings personId={id} />}
      {entity === 'persons' && <PersonIdentity personId={id} />}
      {RELATION_KEY[entity] && (
        <RelatedActivities
          activities={record.activities}
          action={
            activityLinks && (
              <AddActivityAction links={activityLinks} name={title} onAdded={record.loadActivities} />
            )
          }
        />
      )}
      <RecordHistory changes={record.changes} />
      {RELATION_KEY[entity] && record.notes.length > 0 && <RelatedNotes notes={record.notes} />}
    </div>
  );
}

/** "Convert to deal" on an open lead, with its dialog (issue 15). */
function ConvertAction({ lead, onStale }: { lead: TCrmLeadDto; onStale: () => void }) {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const [converting, setConverting] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn btn--primary"
        onClick={() => setConverting(true)}
        data-testid="convert"
      >
        <AdminIcon name="arrowRight" />
        {t('crm.convert')}
      </button>
      <ConvertDialog
        lead={lead}
        open={converting}
        onClose={() => setConverting(false)}
        onConverted={(dealId) => navigate(`/crm/deals/${dealId}`)}
        onStale={onStale}
      />
    </>
  );
}
