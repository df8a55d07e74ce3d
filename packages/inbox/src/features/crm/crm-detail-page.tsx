import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  renderHtml,
  type TCrmActivityDto,
  type TCrmChangeDto,
  type TCrmDealDto,
  type TCrmLeadDto,
  type TCrmNoteDto,
  type TCrmPersonDto,
  type TCrmPipelineDto,
  type TCrmSource,
} from '@charla/protocol';
import { Spinner } from '../../components/empty-state';
import { ApiError } from '../../lib/api-client';
import { currentLanguage } from '../../lib/i18n';
import { Link, useRouter } from '../../lib/router';
import { AdminIcon } from '../playbooks/admin-icons';
import { inboxApi } from '../inbox/inbox-api';
import { crmApi, type CrmDtoOf, type CrmEntity } from './crm-api';
import { formatDate, formatDateTime } from './crm-format';
import { ConversationLinks } from './conversation-links';
import { ConvertDialog } from './convert-dialog';
import { CrmLayout } from './crm-layout';
import { localizeTimestamps } from './note-times';
import { PersonRatings } from '../reports/person-ratings';
import type { FieldOption } from './inline-field';
import { recordRows, type FieldContext } from './record-fields';
import { RecordHistory } from './record-history';
import { PersonIdentity } from './person-identity';
import { useRecordEditor } from './use-record-editor';

type Fact = { label: string; value: ReactNode };

/** Filter that finds an entity's related activities and notes. */
const RELATION_KEY: Partial<Record<CrmEntity, string>> = {
  leads: 'leadId',
  deals: 'dealId',
  persons: 'personId',
  organizations: 'organizationId',
};

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
  const { navigate } = useRouter();
  const lang = currentLanguage();
  const [item, setItem] = useState<CrmDtoOf[CrmEntity] | null>(null);
  const [missing, setMissing] = useState(false);
  const [activities, setActivities] = useState<TCrmActivityDto[]>([]);
  const [notes, setNotes] = useState<TCrmNoteDto[]>([]);
  const [pipelines, setPipelines] = useState<TCrmPipelineDto[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [users, setUsers] = useState<FieldOption[]>([]);
  const [changes, setChanges] = useState<TCrmChangeDto[] | null>(null);
  const [converting, setConverting] = useState(false);

  const loadHistory = useCallback(() => {
    crmApi.history(entity, id).then(
      (page) => setChanges(page.items),
      () => setChanges([]),
    );
  }, [entity, id]);
  const editor = useRecordEditor(entity, item, setItem, loadHistory);

  const load = useCallback(() => {
    crmApi.get(entity, id).then(setItem, (cause) => {
      if (cause instanceof ApiError && cause.status === 404) setMissing(true);
      else setNotice(t('crm.loadError'));
    });
    const key = RELATION_KEY[entity];
    if (key) {
      crmApi.list('activities', { [key]: id, limit: 50 }).then(
        (p) => setActivities(p.items),
        () => {},
      );
      crmApi.notes({ [key]: id, limit: 50 }).then(
        (p) => setNotes(p.items),
        () => {},
      );
    }
    if (entity === 'deals') crmApi.pipelines().then(setPipelines, () => {});
    inboxApi.users().then(
      (list) => setUsers(list.map((u) => ({ value: u.id, label: u.name }))),
      () => {},
    );
    loadHistory();
  }, [entity, id, t, loadHistory]);
  useEffect(load, [load]);

  if (missing)
    return (
      <CrmLayout section={entity}>
        <p className="form__error" role="alert">
          {t('crm.notFound')}
        </p>
      </CrmLayout>
    );
  if (!item)
    return (
      <CrmLayout section={entity}>
        <Spinner label={t('common.loading')} />
      </CrmLayout>
    );

  const ref = (section: CrmEntity, r: { id: string; name: string } | null) =>
    r ? (
      <Link to={`/crm/${section}/${r.id}`} className="crm-link">
        {r.name}
      </Link>
    ) : (
      '—'
    );

  const ctx: FieldContext = { t, lang, users, pipelines, save: editor.save, version: item.version };
  const facts: Fact[] = recordRows(entity, item, ctx);
  let actions: ReactNode = null;
  if (entity === 'leads') {
    const lead = item as TCrmLeadDto;
    if (lead.convertedDealId)
      facts.push({
        label: t('crm.fields.deal'),
        value: ref('deals', { id: lead.convertedDealId, name: t('crm.openDeal') }),
      });
    if (lead.status === 'open')
      actions = (
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
            onStale={load}
          />
        </>
      );
  } else if (entity === 'deals') {
    const deal = item as TCrmDealDto;
    if (deal.leadId)
      facts.push({
        label: t('crm.fields.lead'),
        value: ref('leads', { id: deal.leadId, name: t('crm.openLead') }),
      });
  } else if (entity === 'activities') {
    const activity = item as TCrmActivityDto;
    if (activity.leadId)
      facts.push({
        label: t('crm.fields.lead'),
        value: ref('leads', { id: activity.leadId, name: t('crm.openLead') }),
      });
    if (activity.dealId)
      facts.push({
        label: t('crm.fields.deal'),
        value: ref('deals', { id: activity.dealId, name: t('crm.openDeal') }),
      });
    if (activity.personId)
      facts.push({
        label: t('crm.fields.person'),
        value: ref('persons', { id: activity.personId, name: t('crm.openPerson') }),
      });
  }
  const source = (item as { source: TCrmSource }).source;
  facts.push({ label: t('crm.fields.source'), value: t(`crm.sources.${source}`) });
  facts.push({ label: t('crm.fields.created'), value: formatDate(item.createdAt, lang) });

  const conversationIds = (item as { conversationIds?: string[] }).conversationIds ?? [];

  return (
    <CrmLayout section={entity} actions={actions}>
      <nav className="crm-crumbs" aria-label={t('crm.breadcrumb')}>
        <Link to={`/crm/${entity}`}>{t(`crm.entities.${entity}`)}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{titleOf(entity, item)}</span>
      </nav>
      {notice && (
        <p className="form__error" role="alert">
          {notice}
        </p>
      )}
      {editor.conflict && (
        <div className="crm-conflict" role="alert" data-testid="conflict">
          <p>{t('crm.conflict')}</p>
          <button type="button" className="btn btn--secondary" onClick={editor.reload}>
            {t('crm.reload')}
          </button>
        </div>
      )}
      <div className="crm-detail">
        <section className="card">
          <h2 className="crm-detail__title">{titleOf(entity, item)}</h2>
          <dl className="crm-facts">
            {facts.map((f) => (
              <div key={f.label} className="crm-facts__row">
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <div className="crm-detail__side">
          {entity !== 'activities' && (
            <ConversationLinks ids={conversationIds} personName={personNameOf(entity, item)} />
          )}
          {entity === 'persons' && <PersonRatings personId={id} />}
          {entity === 'persons' && <PersonIdentity personId={id} />}
          {RELATION_KEY[entity] && (
            <section className="card">
              <h2 className="card__title">{t('crm.entities.activities')}</h2>
              {activities.length === 0 ? (
                <p className="card__text">{t('crm.noActivities')}</p>
              ) : (
                <ul className="crm-related">
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
          )}
          <RecordHistory changes={changes} />
          {RELATION_KEY[entity] && notes.length > 0 && (
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
          )}
        </div>
      </div>
    </CrmLayout>
  );
}
