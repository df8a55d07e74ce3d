import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConversationDto, TFolder } from '@charla/protocol';
import { EmptyState, Spinner } from '../../components/empty-state';
import { Icon } from '../../lib/icons';
import { useNow } from '../../lib/use-now';
import { useInbox } from './inbox-provider';
import { ConversationListItem } from './conversation-list-item';
import { filterByTeam, TeamFilter } from '../availability/team-filter';
import { ClosedFilter, filterClosed, type ClosedFilterValue } from './closed-filter';
import { LabelFilter } from '../labels/label-filter';

export function ConversationList({ folder, selectedId }: { folder: TFolder; selectedId: string | null }) {
  const { t } = useTranslation();
  const { state, loadFolder } = useInbox();
  const [query, setQuery] = useState('');
  const [team, setTeam] = useState('');
  const [closed, setClosed] = useState<ClosedFilterValue>('all');
  // The label filter is the server's (every page of the folder), kept per folder like the search.
  const list = state.folders[folder];
  const [label, setLabel] = useState(list.label ?? '');

  // Debounced search; the first load of a folder happens at once.
  useEffect(() => {
    const same = query === list.query && label === (list.label ?? '') && list.status !== 'idle';
    const delay = same ? -1 : query === '' ? 0 : 250;
    if (delay < 0) return;
    const timer = setTimeout(() => void loadFolder(folder, query.trim(), false, label), delay);
    return () => clearTimeout(timer);
  }, [folder, query, label, loadFolder]);

  const all = list.ids.map((id) => state.conversations[id]).filter((c) => c !== undefined);
  const items =
    folder === 'unassigned' ? filterByTeam(all, team) : folder === 'closed' ? filterClosed(all, closed) : all;

  return (
    <div className="conv-list">
      <div className="conv-list__search">
        <Icon name="search" size={16} />
        <input
          type="search"
          placeholder={t('inbox.searchPlaceholder')}
          aria-label={t('inbox.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <div className="conv-list__filters">
        {folder === 'unassigned' && <TeamFilter value={team} onChange={setTeam} />}
        {folder === 'closed' && <ClosedFilter value={closed} onChange={setClosed} />}
        <LabelFilter value={label} onChange={setLabel} />
      </div>
      {list.status === 'error' && items.length === 0 ? (
        <EmptyState
          icon="alert"
          title={t('inbox.loadError')}
          action={
            <button
              type="button"
              className="btn btn--sm"
              onClick={() => void loadFolder(folder, query.trim(), false, label)}
            >
              {t('common.retry')}
            </button>
          }
        />
      ) : (list.status === 'loading' || list.status === 'idle') && items.length === 0 ? (
        <Spinner label={t('common.loading')} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={folder === 'closed' ? 'archive' : folder === 'mine' ? 'message' : 'checkCircle'}
          title={query || label ? t('inbox.noResults') : t(`inbox.empty.${folder}.title`)}
        >
          {query || label ? null : t(`inbox.empty.${folder}.text`)}
        </EmptyState>
      ) : (
        <ConversationItems folder={folder} items={items} selectedId={selectedId} label={label} />
      )}
    </div>
  );
}

/** The folder's rows, with "Load more" while the server has another page. */
function ConversationItems({
  folder,
  items,
  selectedId,
  label,
}: {
  folder: TFolder;
  items: TConversationDto[];
  selectedId: string | null;
  label: string;
}) {
  const { t } = useTranslation();
  const { state, loadFolder } = useInbox();
  const now = useNow(1000);
  const list = state.folders[folder];
  return (
    <ul className="conv-list__items" aria-label={t(`inbox.folder.${folder}`)} data-testid="conversation-list">
      {items.map((conversation) => (
        <ConversationListItem
          key={conversation.id}
          conversation={conversation}
          folder={folder}
          selected={conversation.id === selectedId}
          now={now}
          snippet={list.snippets?.[conversation.id]}
          typing={(state.typing[conversation.id]?.until ?? 0) > now}
        />
      ))}
      {list.nextCursor && (
        <li className="conv-list__more">
          <button
            type="button"
            className="btn btn--ghost btn--sm"
            onClick={() => void loadFolder(folder, list.query, true, label)}
            disabled={list.status === 'loading'}
          >
            {t('inbox.loadMore')}
          </button>
        </li>
      )}
    </ul>
  );
}
