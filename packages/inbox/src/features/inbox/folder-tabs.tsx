import { useTranslation } from 'react-i18next';
import type { TFolder, TFolderCountsDto } from '@charla/protocol';
import { Link } from '../../lib/router';
import { folders } from './inbox-state';

export function FolderTabs({ active, counts }: { active: TFolder; counts: TFolderCountsDto | null }) {
  const { t } = useTranslation();
  return (
    <nav className="folder-tabs" aria-label={t('inbox.folders')}>
      {folders.map((folder) => (
        <Link
          key={folder}
          to={`/inbox/${folder}`}
          className={`folder-tab ${folder === active ? 'folder-tab--active' : ''}`}
          aria-current={folder === active ? 'page' : undefined}
          data-testid={`folder-${folder}`}
        >
          <span>{t(`inbox.folder.${folder}`)}</span>
          {counts && (
            <span
              className={`count ${folder === 'unassigned' && counts.unassigned > 0 ? 'count--alert' : ''}`}
              data-testid={`count-${folder}`}
            >
              {counts[folder]}
            </span>
          )}
        </Link>
      ))}
    </nav>
  );
}
