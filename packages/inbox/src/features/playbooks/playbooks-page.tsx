import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPlaybookSummaryDto } from '@charla/protocol';
import { ConfirmDialog, Dialog } from '../../components/dialog';
import { EmptyState, Spinner } from '../../components/empty-state';
import { ApiError } from '../../lib/api-client';
import { useRouter } from '../../lib/router';
import { AdminIcon } from './admin-icons';
import { EmbedSnippet } from './embed-snippet';
import { NewPlaybookDialog } from './new-playbook-dialog';
import { PlaybookRow, type PlaybookRowAction } from './playbook-row';
import { playbooksApi } from './playbooks-api';
import './playbooks.css';

/** The list of playbooks, loaded again after each action; a refused action says why. */
function usePlaybookList() {
  const { t } = useTranslation();
  const [playbooks, setPlaybooks] = useState<TPlaybookSummaryDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
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
      const invalid = cause instanceof ApiError && cause.code === 'PLAYBOOK_INVALID';
      setNotice(invalid ? t('playbooks.activateInvalid') : t('errors.generic'));
    }
    load();
  };
  return { playbooks, error, notice, run };
}

/** Playbooks with their status, where they are installed, and their embed snippet (R4, R5, R8). */
export function PlaybooksPage() {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const { playbooks, error, notice, run } = usePlaybookList();
  const [creating, setCreating] = useState(false);
  const [embedOf, setEmbedOf] = useState<TPlaybookSummaryDto | null>(null);
  const [deleting, setDeleting] = useState<TPlaybookSummaryDto | null>(null);

  const onAction = (playbook: TPlaybookSummaryDto, action: PlaybookRowAction) => {
    if (action === 'embed') setEmbedOf(playbook);
    else if (action === 'delete') setDeleting(playbook);
    else void run(() => playbooksApi[action](playbook.id));
  };
  const newButton = (
    <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
      {t('playbooks.newPlaybook')}
    </button>
  );

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
      {[notice, error].map(
        (text, i) =>
          text && (
            <p key={i} className="form__error" role="alert">
              {text}
            </p>
          ),
      )}
      {playbooks === null && !error && <Spinner label={t('common.loading')} />}
      {playbooks?.length === 0 && (
        <div className="card">
          <EmptyState icon="flow" title={t('playbooks.emptyTitle')} action={newButton}>
            {t('playbooks.emptyText')}
          </EmptyState>
        </div>
      )}
      {playbooks && playbooks.length > 0 && (
        <ul className="pb-list" aria-label={t('playbooks.title')}>
          {playbooks.map((playbook) => (
            <PlaybookRow
              key={playbook.id}
              playbook={playbook}
              onAction={(action) => onAction(playbook, action)}
            />
          ))}
        </ul>
      )}
      <NewPlaybookDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => navigate(`/playbooks/${id}`)}
      />
      <EmbedDialog playbook={embedOf} onClose={() => setEmbedOf(null)} />
      <DeletePlaybookDialog
        playbook={deleting}
        onCancel={() => setDeleting(null)}
        onConfirm={(target) => void run(() => playbooksApi.remove(target.id))}
      />
    </div>
  );
}

function EmbedDialog({ playbook, onClose }: { playbook: TPlaybookSummaryDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={playbook !== null}
      size="md"
      title={t('playbooks.embedTitle')}
      onClose={onClose}
      footer={
        <button type="button" className="btn" onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      {playbook && <EmbedSnippet playbook={playbook} />}
    </Dialog>
  );
}

function DeletePlaybookDialog(props: {
  playbook: TPlaybookSummaryDto | null;
  onCancel: () => void;
  onConfirm: (playbook: TPlaybookSummaryDto) => void;
}) {
  const { t } = useTranslation();
  const { playbook } = props;
  return (
    <ConfirmDialog
      open={playbook !== null}
      title={t('playbooks.deleteTitle')}
      confirmLabel={t('playbooks.delete')}
      onCancel={props.onCancel}
      onConfirm={() => playbook && props.onConfirm(playbook)}
    >
      <p>{t('playbooks.deleteText', { name: playbook?.name ?? '' })}</p>
    </ConfirmDialog>
  );
}
