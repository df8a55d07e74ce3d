import { useTranslation } from 'react-i18next';
import type { TPlaybookSummaryDto } from '@charla/protocol';
import { Menu } from '../../components/menu';
import { formatRelative } from '../../lib/format-time';
import { currentLanguage } from '../../lib/i18n';
import { Icon } from '../../lib/icons';
import { Link } from '../../lib/router';
import { AdminIcon } from './admin-icons';
import { PlaybookStatusBadge } from './playbook-status-badge';

export type PlaybookRowAction = 'activate' | 'deactivate' | 'duplicate' | 'delete' | 'embed';

function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

/** The sites where the widget of a playbook was seen, with when (R8). */
function Installs({ playbook }: { playbook: TPlaybookSummaryDto }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <div className="pb-row__installs">
      <Icon name="globe" size={14} />
      {playbook.installs.length === 0 ? (
        <span className="pb-muted">{t('playbooks.notInstalled')}</span>
      ) : (
        <ul className="pb-installs">
          {playbook.installs.map((install) => (
            <li key={install.origin}>
              <a href={install.lastUrl} target="_blank" rel="noreferrer noopener">
                {hostOf(install.origin)}
              </a>{' '}
              <span className="pb-muted">
                {t('playbooks.lastSeen', { when: formatRelative(install.lastSeenAt, lang) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Embed, edit, and the menu of activate or deactivate, duplicate and delete. */
function RowActions({
  playbook,
  onAction,
}: {
  playbook: TPlaybookSummaryDto;
  onAction: (a: PlaybookRowAction) => void;
}) {
  const { t } = useTranslation();
  const toggle = playbook.status === 'active' ? 'deactivate' : 'activate';
  return (
    <div className="pb-row__actions">
      <button type="button" className="btn btn--sm" onClick={() => onAction('embed')}>
        <AdminIcon name="code" />
        {t('playbooks.embed')}
      </button>
      <Link to={`/playbooks/${playbook.id}`} className="btn btn--sm">
        <AdminIcon name="pencil" />
        {t('playbooks.edit')}
      </Link>
      <Menu
        label={<Icon name="more" />}
        ariaLabel={t('playbooks.moreActions', { name: playbook.name })}
        buttonClassName="btn btn--sm btn--icon"
        items={([toggle, 'duplicate', 'delete'] as const).map((id) => ({
          id,
          label: t(`playbooks.${id}`),
          onSelect: () => onAction(id),
        }))}
      />
    </div>
  );
}

/** One playbook in the list: name, status, revisions, where it is installed, and its actions. */
export function PlaybookRow(props: {
  playbook: TPlaybookSummaryDto;
  onAction: (a: PlaybookRowAction) => void;
}) {
  const { t } = useTranslation();
  const { playbook } = props;
  const lang = currentLanguage();
  return (
    <li className="pb-row" data-testid="playbook-row">
      <div className="pb-row__main">
        <div className="pb-row__title">
          <Link to={`/playbooks/${playbook.id}`} className="pb-row__name">
            {playbook.name}
          </Link>
          <PlaybookStatusBadge status={playbook.status} />
          {playbook.liveChatOfflineOnly && (
            <span className="pb-badge pb-badge--warn" title={t('playbooks.offlineOnlyHint')}>
              {t('playbooks.offlineOnly')}
            </span>
          )}
        </div>
        <div className="pb-row__meta">
          <span>
            {t('playbooks.revision', { revision: playbook.revision })}
            {playbook.publishedRevision !== null &&
              ` · ${t('playbooks.published', { revision: playbook.publishedRevision })}`}
          </span>
          <span aria-hidden="true">·</span>
          <span>{t('playbooks.updated', { when: formatRelative(playbook.updatedAt, lang) })}</span>
        </div>
        <Installs playbook={playbook} />
      </div>
      <RowActions playbook={playbook} onAction={props.onAction} />
    </li>
  );
}
