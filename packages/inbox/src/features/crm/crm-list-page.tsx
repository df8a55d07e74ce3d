import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  TCrmActivityDto,
  TCrmDealDto,
  TCrmLeadDto,
  TCrmOrganizationDto,
  TCrmPersonDto,
} from '@charla/protocol';
import { EmptyState, Spinner } from '../../components/empty-state';
import { currentLanguage } from '../../lib/i18n';
import { Icon } from '../../lib/icons';
import { Link, useRouter, useSearchParam } from '../../lib/router';
import { AdminIcon } from '../playbooks/admin-icons';
import { crmApi, type CrmDtoOf, type CrmEntity } from './crm-api';
import { formatDate, formatMoney } from './crm-format';
import { CrmLayout } from './crm-layout';
import { CreateRecordDialog } from './create-record-dialog';
import { DealsBoard } from './deals-board';

type Column<T> = { key: string; label: string; render: (item: T) => ReactNode };

function useColumns(entity: CrmEntity): Column<CrmDtoOf[CrmEntity]>[] {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const link = (href: string, text: string) => (
    <Link to={href} className="crm-link">
      {text}
    </Link>
  );
  const ref = (section: CrmEntity, r: { id: string; name: string } | null) =>
    r ? link(`/crm/${section}/${r.id}`, r.name) : '—';
  const chats = (ids: string[]) =>
    ids.length === 0 ? (
      '—'
    ) : (
      <span className="crm-chip">
        <Icon name="message" size={12} /> {ids.length}
      </span>
    );
  const status = (value: string) => (
    <span className={`crm-status crm-status--${value}`}>{t(`crm.status.${value}`)}</span>
  );
  switch (entity) {
    case 'leads':
      return [
        {
          key: 'title',
          label: t('crm.fields.title'),
          render: (i) => link(`/crm/leads/${i.id}`, (i as TCrmLeadDto).title),
        },
        {
          key: 'person',
          label: t('crm.fields.person'),
          render: (i) => ref('persons', (i as TCrmLeadDto).person),
        },
        {
          key: 'org',
          label: t('crm.fields.organization'),
          render: (i) => ref('organizations', (i as TCrmLeadDto).organization),
        },
        {
          key: 'value',
          label: t('crm.fields.value'),
          render: (i) => formatMoney((i as TCrmLeadDto).value, lang),
        },
        { key: 'status', label: t('crm.fields.status'), render: (i) => status((i as TCrmLeadDto).status) },
        {
          key: 'source',
          label: t('crm.fields.source'),
          render: (i) => t(`crm.sources.${(i as TCrmLeadDto).source}`),
        },
        {
          key: 'chats',
          label: t('crm.fields.conversations'),
          render: (i) => chats((i as { conversationIds?: string[] }).conversationIds ?? []),
        },
      ] as Column<CrmDtoOf[CrmEntity]>[];
    case 'deals':
      return [
        {
          key: 'title',
          label: t('crm.fields.title'),
          render: (i) => link(`/crm/deals/${i.id}`, (i as TCrmDealDto).title),
        },
        { key: 'stage', label: t('crm.fields.stage'), render: (i) => (i as TCrmDealDto).stage.name },
        {
          key: 'value',
          label: t('crm.fields.value'),
          render: (i) => formatMoney((i as TCrmDealDto).value, lang),
        },
        {
          key: 'person',
          label: t('crm.fields.person'),
          render: (i) => ref('persons', (i as TCrmDealDto).person),
        },
        {
          key: 'close',
          label: t('crm.fields.expectedClose'),
          render: (i) => formatDate((i as TCrmDealDto).expectedCloseDate, lang),
        },
        { key: 'status', label: t('crm.fields.status'), render: (i) => status((i as TCrmDealDto).status) },
        {
          key: 'chats',
          label: t('crm.fields.conversations'),
          render: (i) => chats((i as { conversationIds?: string[] }).conversationIds ?? []),
        },
      ] as Column<CrmDtoOf[CrmEntity]>[];
    case 'persons':
      return [
        {
          key: 'name',
          label: t('crm.fields.name'),
          render: (i) => link(`/crm/persons/${i.id}`, (i as TCrmPersonDto).name),
        },
        {
          key: 'email',
          label: t('crm.fields.email'),
          render: (i) => (i as TCrmPersonDto).emails.join(', ') || '—',
        },
        {
          key: 'phone',
          label: t('crm.fields.phone'),
          render: (i) => (i as TCrmPersonDto).phones.join(', ') || '—',
        },
        {
          key: 'org',
          label: t('crm.fields.organization'),
          render: (i) => ref('organizations', (i as TCrmPersonDto).organization),
        },
        {
          key: 'chats',
          label: t('crm.fields.conversations'),
          render: (i) => chats((i as { conversationIds?: string[] }).conversationIds ?? []),
        },
      ] as Column<CrmDtoOf[CrmEntity]>[];
    case 'organizations':
      return [
        {
          key: 'name',
          label: t('crm.fields.name'),
          render: (i) => link(`/crm/organizations/${i.id}`, (i as TCrmOrganizationDto).name),
        },
        {
          key: 'address',
          label: t('crm.fields.address'),
          render: (i) => (i as TCrmOrganizationDto).address ?? '—',
        },
        {
          key: 'source',
          label: t('crm.fields.source'),
          render: (i) => t(`crm.sources.${(i as TCrmOrganizationDto).source}`),
        },
        {
          key: 'chats',
          label: t('crm.fields.conversations'),
          render: (i) => chats((i as { conversationIds?: string[] }).conversationIds ?? []),
        },
      ] as Column<CrmDtoOf[CrmEntity]>[];
    case 'activities':
      return [
        {
          key: 'subject',
          label: t('crm.fields.subject'),
          render: (i) => link(`/crm/activities/${i.id}`, (i as TCrmActivityDto).subject),
        },
        {
          key: 'type',
          label: t('crm.fields.type'),
          render: (i) => t(`crm.activityTypes.${(i as TCrmActivityDto).type}`),
        },
        {
          key: 'due',
          label: t('crm.fields.due'),
          render: (i) => formatDate((i as TCrmActivityDto).dueAt, lang),
        },
        {
          key: 'done',
          label: t('crm.fields.done'),
          render: (i) => ((i as TCrmActivityDto).done ? t('crm.yes') : t('crm.no')),
        },
      ] as Column<CrmDtoOf[CrmEntity]>[];
  }
}

/** A searchable, paginated list of one CRM entity (R25); deals also as a pipeline board. */
export function CrmListPage({ entity }: { entity: CrmEntity }) {
  const { t } = useTranslation();
  const { location, navigate } = useRouter();
  const view = useSearchParam('view') === 'board' && entity === 'deals' ? 'board' : 'list';
  const q = useSearchParam('q') ?? '';
  const [search, setSearch] = useState(q);
  const [items, setItems] = useState<CrmDtoOf[CrmEntity][] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState(false);
  const [creating, setCreating] = useState(false);
  const columns = useColumns(entity);

  const load = useCallback(
    (after?: string) => {
      setError(false);
      crmApi.list(entity, { q: q || undefined, cursor: after, limit: 50 }).then(
        (page) => {
          setItems((prev) => (after && prev ? [...prev, ...page.items] : page.items));
          setCursor(page.nextCursor);
        },
        () => setError(true),
      );
    },
    [entity, q],
  );
  useEffect(() => {
    setItems(null);
    if (view === 'list') load();
  }, [load, view]);
  useEffect(() => setSearch(q), [q]);

  // Search as you type, without a request per keystroke.
  useEffect(() => {
    if (search === q) return;
    const timer = setTimeout(() => {
      const params = new URLSearchParams(location.search);
      if (search.trim()) params.set('q', search.trim());
      else params.delete('q');
      const qs = params.toString();
      navigate(`${location.pathname}${qs ? `?${qs}` : ''}`, { replace: true });
    }, 300);
    return () => clearTimeout(timer);
  }, [search, q, location.pathname, location.search, navigate]);

  const canCreate = entity !== 'activities';

  return (
    <CrmLayout
      section={entity}
      actions={
        canCreate && (
          <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
            <AdminIcon name="plus" />
            {t(`crm.new.${entity}`)}
          </button>
        )
      }
    >
      <div className="crm-toolbar">
        <div className="crm-search">
          <Icon name="search" size={16} />
          <label htmlFor="crm-q" className="sr-only">
            {t('crm.search', { what: t(`crm.entities.${entity}`) })}
          </label>
          <input
            id="crm-q"
            type="search"
            placeholder={t('crm.search', { what: t(`crm.entities.${entity}`).toLowerCase() })}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        {entity === 'deals' && (
          <div className="crm-view" role="group" aria-label={t('crm.view')}>
            <Link
              to="/crm/deals"
              className={`btn btn--sm ${view === 'list' ? 'crm-view--on' : ''}`}
              aria-current={view === 'list' ? 'page' : undefined}
            >
              <AdminIcon name="table" /> {t('crm.listView')}
            </Link>
            <Link
              to="/crm/deals?view=board"
              className={`btn btn--sm ${view === 'board' ? 'crm-view--on' : ''}`}
              aria-current={view === 'board' ? 'page' : undefined}
            >
              <AdminIcon name="board" /> {t('crm.boardView')}
            </Link>
          </div>
        )}
      </div>
      {view === 'board' ? (
        <DealsBoard q={q} />
      ) : error ? (
        <p className="form__error" role="alert">
          {t('crm.loadError')}
        </p>
      ) : items === null ? (
        <Spinner label={t('common.loading')} />
      ) : items.length === 0 ? (
        <div className="card">
          <EmptyState icon="briefcase" title={q ? t('crm.noMatches') : t(`crm.empty.${entity}`)}>
            {q ? t('crm.noMatchesText', { q }) : t('crm.emptyText')}
          </EmptyState>
        </div>
      ) : (
        <div className="crm-table-wrap">
          <table className="crm-table">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-testid="crm-row">
                  {columns.map((c) => (
                    <td key={c.key} data-label={c.label}>
                      {c.render(item)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {cursor && (
            <button type="button" className="btn btn--sm crm-more" onClick={() => load(cursor)}>
              {t('crm.loadMore')}
            </button>
          )}
        </div>
      )}
      {canCreate && (
        <CreateRecordDialog
          entity={entity}
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(id) => navigate(`/crm/${entity}/${id}`)}
        />
      )}
    </CrmLayout>
  );
}
