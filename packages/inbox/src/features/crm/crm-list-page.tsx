import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, Spinner } from '../../components/empty-state';
import { Icon } from '../../lib/icons';
import { Link, useRouter, useSearchParam } from '../../lib/router';
import { AdminIcon } from '../playbooks/admin-icons';
import { crmApi, type CrmDtoOf, type CrmEntity } from './crm-api';
import { CrmLayout } from './crm-layout';
import { CreateRecordDialog } from './create-record-dialog';
import { DealsBoard } from './deals-board';
import { useColumns } from './crm-columns';

/** A searchable, paginated list of one CRM entity (R25); deals also as a pipeline board. */
export function CrmListPage({ entity }: { entity: CrmEntity }) {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const view = useSearchParam('view') === 'board' && entity === 'deals' ? 'board' : 'list';
  const q = useSearchParam('q') ?? '';
  const [search, setSearch] = useSearchAsYouType(q);
  const [items, setItems] = useState<CrmDtoOf[CrmEntity][] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState(false);
  const [creating, setCreating] = useState(false);

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
      <CrmToolbar entity={entity} view={view} search={search} onSearch={setSearch} />
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
        <CrmTable entity={entity} items={items} onMore={cursor ? () => load(cursor) : null} />
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

/** The search box's text, put in the address (`?q=`) 300 ms after the last keystroke. */
function useSearchAsYouType(q: string) {
  const { location, navigate } = useRouter();
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);
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
  return [search, setSearch] as const;
}

function CrmToolbar({
  entity,
  view,
  search,
  onSearch,
}: {
  entity: CrmEntity;
  view: 'list' | 'board';
  search: string;
  onSearch: (text: string) => void;
}) {
  const { t } = useTranslation();
  return (
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
          onChange={(e) => onSearch(e.target.value)}
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
  );
}

/** The records as a table (cards with labels on a phone), with "Load more" while pages remain. */
function CrmTable({
  entity,
  items,
  onMore,
}: {
  entity: CrmEntity;
  items: CrmDtoOf[CrmEntity][];
  onMore: (() => void) | null;
}) {
  const { t } = useTranslation();
  const columns = useColumns(entity);
  return (
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
      {onMore && (
        <button type="button" className="btn btn--sm crm-more" onClick={onMore}>
          {t('crm.loadMore')}
        </button>
      )}
    </div>
  );
}
