import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPlaybookSummaryDto } from '@charla/protocol';
import { ConfirmDialog, Dialog } from '../../components/dialog';
import { EmptyState, Spinner } from '../../components/empty-state';
import { Menu } from '../../components/menu';
import { ApiError } from '../../lib/api-client';
import { formatRelative } from '../../lib/format-time';
import { currentLanguage } from '../../lib/i18n';
import { Icon } from '../../lib/icons';
import { Link, useRouter } from '../../lib/router';
import { AdminIcon } from './admin-icons';
import { CopyButton } from './copy-button';
import { NewPlaybookDialog } from './new-playbook-dialog';
import { PlaybookStatusBadge } from './playbook-status-badge';
import { playbooksApi } from './playbooks-api';
import './playbooks.css';

function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

/** Playbooks with their status, where they are installed, and their embed snippet (R4, R5, R8). */
export function PlaybooksPage() {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const [playbooks, setPlaybooks] = useState<TPlaybookSummaryDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [embedOf, setEmbedOf] = useState<TPlaybookSummaryDto | null>(null);
  const [deleting, setDeleting] = useState<TPlaybookSummaryDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    playbooksApi.list().then(
      (list) => {
        setPlaybooks(list);
        setError(null);
      },
      () => setError(t('playbooks.loadError')),
    );
  }, [t]);
  useEffect(load, [load]);

  const run = async (action: () => Promise<unknown>) => {
    setNotice(null);
    try {
      await action();
    } catch (cause) {
      setNotice(
        cause instanceof ApiError && cause.code === 'PLAYBOOK_INVALID'
          ? t('playbooks.activateInvalid')
          : t('errors.generic'),
      );
    }
    load();
  };

  const lang = currentLanguage();

  return (
    <div className="page page--wide">
      <header className="page__header page__header--row">
        <div>
          <h1>{t('playbooks.title')}</h1>
          <p>{t('playbooks.intro')}</p>
        </div>
        <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
          <AdminIcon name="plus" />
          {t('playbooks.newPlaybook')}
        </button>
      </header>
      {notice && (
        <p className="form__error" role="alert">
          {notice}
        </p>
      )}
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      {playbooks === null && !error && <Spinner label={t('common.loading')} />}
      {playbooks?.length === 0 && (
        <div className="card">
          <EmptyState
            icon="flow"
            title={t('playbooks.emptyTitle')}
            action={
              <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
                {t('playbooks.newPlaybook')}
              </button>
            }
          >
            {t('playbooks.emptyText')}
          </EmptyState>
        </div>
      )}
      {playbooks && playbooks.length > 0 && (
        <ul className="pb-list" aria-label={t('playbooks.title')}>
          {playbooks.map((playbook) => (
            <li key={playbook.id} className="pb-row" data-testid="playbook-row">
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
              </div>
              <div className="pb-row__actions">
                <button type="button" className="btn btn--sm" onClick={() => setEmbedOf(playbook)}>
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
                  items={[
                    playbook.status === 'active'
                      ? {
                          id: 'deactivate',
                          label: t('playbooks.deactivate'),
                          onSelect: () => void run(() => playbooksApi.deactivate(playbook.id)),
                        }
                      : {
                          id: 'activate',
                          label: t('playbooks.activate'),
                          onSelect: () => void run(() => playbooksApi.activate(playbook.id)),
                        },
                    {
                      id: 'duplicate',
                      label: t('playbooks.duplicate'),
                      onSelect: () => void run(() => playbooksApi.duplicate(playbook.id)),
                    },
                    { id: 'delete', label: t('playbooks.delete'), onSelect: () => setDeleting(playbook) },
                  ]}
                />
              </div>
            </li>
          ))}
        </ul>
      )}

      <NewPlaybookDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => navigate(`/playbooks/${id}`)}
      />
      <Dialog
        open={embedOf !== null}
        size="md"
        title={t('playbooks.embedTitle')}
        onClose={() => setEmbedOf(null)}
        footer={
          <button type="button" className="btn" onClick={() => setEmbedOf(null)}>
            {t('common.close')}
          </button>
        }
      >
        {embedOf && <EmbedSnippet playbook={embedOf} />}
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        title={t('playbooks.deleteTitle')}
        confirmLabel={t('playbooks.delete')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const target = deleting;
          if (target) void run(() => playbooksApi.remove(target.id));
        }}
      >
        <p>{t('playbooks.deleteText', { name: deleting?.name ?? '' })}</p>
      </ConfirmDialog>
    </div>
  );
}

/** The snippet to paste before </body>, with a copy button and the allowed-origins note. */
export function EmbedSnippet({ playbook }: { playbook: TPlaybookSummaryDto }) {
  const { t } = useTranslation();
  return (
    <div className="pb-embed">
      <p>{t('playbooks.embedText')}</p>
      <pre className="pb-snippet" data-testid="embed-snippet">
        <code>{playbook.embedSnippet}</code>
      </pre>
      <div className="card__actions">
        <CopyButton
          text={playbook.embedSnippet}
          label={t('playbooks.copySnippet')}
          className="btn btn--sm btn--primary"
        />
      </div>
      {playbook.status !== 'active' && <p className="field__hint">{t('playbooks.embedInactive')}</p>}
      <p className="field__hint">
        {playbook.allowedOrigins.length === 0
          ? t('playbooks.anyOrigin')
          : t('playbooks.onlyOrigins', { origins: playbook.allowedOrigins.join(', ') })}
      </p>
    </div>
  );
}
