import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  renderHtml,
  type TCrmActivityDto,
  type TCrmDealDto,
  type TCrmLeadDto,
  type TCrmNoteDto,
  type TCrmOrganizationDto,
  type TCrmPersonDto,
  type TCrmPipelineDto,
} from '@charla/protocol';
import { Spinner } from '../../components/empty-state';
import { ApiError } from '../../lib/api-client';
import { currentLanguage } from '../../lib/i18n';
import { Icon } from '../../lib/icons';
import { Link, useRouter } from '../../lib/router';
import { AdminIcon } from '../playbooks/admin-icons';
import { crmApi, type CrmDtoOf, type CrmEntity } from './crm-api';
import { formatDate, formatMoney } from './crm-format';
import { CrmLayout } from './crm-layout';
import { PersonRatings } from '../reports/person-ratings';

type Fact = { label: string; value: ReactNode };

/** Filter that finds an entity's related activities and notes. */
const RELATION_KEY: Partial<Record<CrmEntity, string>> = {
  leads: 'leadId',
  deals: 'dealId',
  persons: 'personId',
  organizations: 'organizationId',
};

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
  }, [entity, id, t]);
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

  const facts: Fact[] = [];
  let actions: ReactNode = null;
  if (entity === 'leads') {
    const lead = item as TCrmLeadDto;
    facts.push(
      {
        label: t('crm.fields.status'),
        value: (
          <span className={`crm-status crm-status--${lead.status}`}>{t(`crm.status.${lead.status}`)}</span>
        ),
      },
      { label: t('crm.fields.person'), value: ref('persons', lead.person) },
      { label: t('crm.fields.organization'), value: ref('organizations', lead.organization) },
      { label: t('crm.fields.value'), value: formatMoney(lead.value, lang) },
      { label: t('crm.fields.expectedClose'), value: formatDate(lead.expectedCloseDate, lang) },
      { label: t('crm.fields.source'), value: t(`crm.sources.${lead.source}`) },
    );
    if (lead.convertedDealId)
      facts.push({
        label: t('crm.fields.deal'),
        value: ref('deals', { id: lead.convertedDealId, name: t('crm.openDeal') }),
      });
    if (lead.status === 'open')
      actions = (
        <button
          type="button"
          className="btn btn--primary"
          onClick={() =>
            void crmApi.convertLead(lead.id).then(
              (result) => navigate(`/crm/deals/${result.deal.id}`),
              () => setNotice(t('errors.generic')),
            )
          }
        >
          <AdminIcon name="arrowRight" />
          {t('crm.convert')}
        </button>
      );
  } else if (entity === 'deals') {
    const deal = item as TCrmDealDto;
    const pipeline = pipelines.find((p) => p.id === deal.pipelineId);
    const update = (body: Record<string, unknown>) =>
      void crmApi.update('deals', deal.id, body).then(setItem, () => setNotice(t('errors.generic')));
    facts.push(
      {
        label: t('crm.fields.stage'),
        value: pipeline ? (
          <select
            aria-label={t('crm.fields.stage')}
            className="crm-inline-select"
            value={deal.stage.id}
            onChange={(e) => update({ stageId: e.target.value })}
          >
            {pipeline.stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        ) : (
          deal.stage.name
        ),
      },
      {
        label: t('crm.fields.status'),
        value: (
          <select
            aria-label={t('crm.fields.status')}
            className="crm-inline-select"
            value={deal.status}
            onChange={(e) => update({ status: e.target.value })}
          >
            {(['open', 'won', 'lost'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`crm.status.${s}`)}
              </option>
            ))}
          </select>
        ),
      },
      { label: t('crm.fields.value'), value: formatMoney(deal.value, lang) },
      { label: t('crm.fields.expectedClose'), value: formatDate(deal.expectedCloseDate, lang) },
      { label: t('crm.fields.person'), value: ref('persons', deal.person) },
      { label: t('crm.fields.organization'), value: ref('organizations', deal.organization) },
      { label: t('crm.fields.source'), value: t(`crm.sources.${deal.source}`) },
    );
    if (deal.leadId)
      facts.push({
        label: t('crm.fields.lead'),
        value: ref('leads', { id: deal.leadId, name: t('crm.openLead') }),
      });
  } else if (entity === 'persons') {
    const person = item as TCrmPersonDto;
    facts.push(
      {
        label: t('crm.fields.email'),
        value: person.emails
          .map((e) => (
            <a key={e} href={`mailto:${e}`}>
              {e}
            </a>
          ))
          .reduce<ReactNode[]>((acc, el, i) => (i ? [...acc, ', ', el] : [el]), []),
      },
      { label: t('crm.fields.phone'), value: person.phones.join(', ') || '—' },
      { label: t('crm.fields.organization'), value: ref('organizations', person.organization) },
      { label: t('crm.fields.source'), value: t(`crm.sources.${person.source}`) },
    );
  } else if (entity === 'organizations') {
    const org = item as TCrmOrganizationDto;
    facts.push(
      { label: t('crm.fields.address'), value: org.address ?? '—' },
      { label: t('crm.fields.source'), value: t(`crm.sources.${org.source}`) },
    );
  } else {
    const activity = item as TCrmActivityDto;
    facts.push(
      { label: t('crm.fields.type'), value: t(`crm.activityTypes.${activity.type}`) },
      { label: t('crm.fields.due'), value: formatDate(activity.dueAt, lang) },
      {
        label: t('crm.fields.done'),
        value: (
          <label className="crm-done">
            <input
              type="checkbox"
              className="check"
              checked={activity.done}
              onChange={(e) =>
                void crmApi
                  .update('activities', activity.id, { done: e.target.checked })
                  .then(setItem, () => setNotice(t('errors.generic')))
              }
            />
            {activity.done ? t('crm.yes') : t('crm.no')}
          </label>
        ),
      },
    );
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
            <section className="card">
              <h2 className="card__title">{t('crm.conversations')}</h2>
              {conversationIds.length === 0 ? (
                <p className="card__text">{t('crm.noConversations')}</p>
              ) : (
                <ul className="crm-related">
                  {conversationIds.map((cid, index) => (
                    <li key={cid}>
                      <Icon name="message" size={15} />
                      <Link to={`/conversations/${cid}`} data-testid="conversation-link">
                        {t('crm.conversationN', { n: index + 1 })}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          {entity === 'persons' && <PersonRatings personId={id} />}
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
                        {t(`crm.activityTypes.${a.type}`)} · {formatDate(a.dueAt, lang)}
                        {a.done && ` · ${t('crm.fields.done')}`}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          {RELATION_KEY[entity] && notes.length > 0 && (
            <section className="card">
              <h2 className="card__title">{t('crm.notes')}</h2>
              <ul className="crm-notes">
                {notes.map((n) => (
                  <li key={n.id}>
                    <div className="rich" dangerouslySetInnerHTML={{ __html: renderHtml(n.body) }} />
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
