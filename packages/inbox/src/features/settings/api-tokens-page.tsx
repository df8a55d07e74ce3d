import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TApiTokenDto, TCreatedApiTokenDto } from '@charla/protocol';
import { ConfirmDialog, Dialog } from '../../components/dialog';
import { EmptyState, Spinner } from '../../components/empty-state';
import { ApiError } from '../../lib/api-client';
import { AdminIcon } from '../playbooks/admin-icons';
import { CopyButton } from '../playbooks/copy-button';
import { ApiTokenTable } from './api-token-table';
import { CreateApiTokenDialog } from './create-api-token-dialog';
import { settingsApi } from './settings-api';
import { SettingsLayout } from './settings-layout';
import './api-tokens.css';

/** Scoped, revocable tokens for the REST API; a token's secret is shown once, right after creation. */
export function ApiTokensPage() {
  const { t } = useTranslation();
  const [tokens, setTokens] = useState<TApiTokenDto[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<TCreatedApiTokenDto | null>(null);
  const [revoking, setRevoking] = useState<TApiTokenDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    settingsApi.apiTokens().then(setTokens, () => setNotice(t('settings.loadError')));
  }, [t]);
  useEffect(load, [load]);

  const revoke = async (token: TApiTokenDto) => {
    setNotice(null);
    try {
      await settingsApi.revokeApiToken(token.id);
      setNotice(t('settings.apiTokens.revokedNotice', { name: token.name }));
      load();
    } catch (cause) {
      setNotice(cause instanceof ApiError ? cause.message : t('errors.generic'));
    }
  };

  return (
    <SettingsLayout section="api-tokens">
      <header className="page__header page__header--row">
        <div>
          <h2 className="settings__h">{t('settings.sections.api-tokens')}</h2>
          <p>{t('settings.apiTokens.intro')}</p>
          <p className="field__hint">
            {t('settings.apiTokens.usage')} <code>Authorization: Bearer chk_…</code> ·{' '}
            <a href="/api/docs" target="_blank" rel="noreferrer">
              {t('settings.apiTokens.docs')}
            </a>
          </p>
        </div>
        <button type="button" className="btn btn--primary" onClick={() => setAdding(true)}>
          <AdminIcon name="plus" />
          {t('settings.apiTokens.add')}
        </button>
      </header>
      <p className="settings__notice" role="status">
        {notice}
      </p>
      {tokens === null ? (
        <Spinner label={t('common.loading')} />
      ) : tokens.length === 0 ? (
        <div className="card">
          <EmptyState icon="settings" title={t('settings.apiTokens.emptyTitle')}>
            {t('settings.apiTokens.emptyText')}
          </EmptyState>
        </div>
      ) : (
        <ApiTokenTable tokens={tokens} onRevoke={setRevoking} />
      )}
      <CreateApiTokenDialog
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(token) => {
          setAdding(false);
          setCreated(token);
          setTokens((list) => [token, ...(list ?? [])]);
        }}
      />
      <TokenCreatedDialog token={created} onClose={() => setCreated(null)} />
      <ConfirmDialog
        open={revoking !== null}
        title={t('settings.apiTokens.revokeTitle', { name: revoking?.name ?? '' })}
        confirmLabel={t('settings.apiTokens.revoke')}
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          const target = revoking;
          if (target) void revoke(target);
        }}
      >
        <p>{t('settings.apiTokens.revokeText')}</p>
      </ConfirmDialog>
    </SettingsLayout>
  );
}

/** The new token's secret, shown once. */
function TokenCreatedDialog({ token, onClose }: { token: TCreatedApiTokenDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={token !== null}
      size="md"
      title={t('settings.apiTokens.tokenTitle')}
      onClose={() => onClose()}
      footer={
        <button type="button" className="btn btn--primary" onClick={() => onClose()}>
          {t('settings.apiTokens.done')}
        </button>
      }
    >
      <p className="pb-callout" role="note">
        {t('settings.apiTokens.tokenWarning')}
      </p>
      <pre className="pb-snippet" aria-label={t('settings.apiTokens.tokenLabel')}>
        <code data-testid="api-token-secret">{token?.token}</code>
      </pre>
      {token && <CopyButton text={token.token} label={t('settings.apiTokens.copy')} />}
    </Dialog>
  );
}
