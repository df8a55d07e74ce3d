import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  apiTokenScopes,
  type TApiTokenDto,
  type TApiTokenScope,
  type TCreatedApiTokenDto,
} from '@charla/protocol';
import { ConfirmDialog, Dialog } from '../../components/dialog';
import { FormDialog } from '../../components/form-dialog';
import { EmptyState, Spinner } from '../../components/empty-state';
import { ApiError, fieldErrorsOf } from '../../lib/api-client';
import { formatTimestamp } from '../../lib/format-time';
import { currentLanguage } from '../../lib/i18n';
import { AdminIcon } from '../playbooks/admin-icons';
import { CopyButton } from '../playbooks/copy-button';
import { settingsApi } from './settings-api';
import { SettingsLayout } from './settings-layout';
import './api-tokens.css';

const EXPIRY_CHOICES = [7, 30, 90, 365] as const;

function stateOf(token: TApiTokenDto, now: number): 'active' | 'expired' | 'revoked' {
  if (token.revokedAt !== null) return 'revoked';
  if (token.expiresAt !== null && token.expiresAt <= now) return 'expired';
  return 'active';
}

/** Scoped, revocable tokens for the REST API; a token's secret is shown once, right after creation. */
export function ApiTokensPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
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

  const now = Date.now();
  const when = (at: number | null, fallback: string) => (at === null ? fallback : formatTimestamp(at, lang));

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
        <div className="crm-table-wrap">
          <table className="crm-table api-tokens">
            <caption className="sr-only">{t('settings.sections.api-tokens')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.apiTokens.name')}</th>
                <th scope="col">{t('settings.apiTokens.scopes')}</th>
                <th scope="col">{t('settings.apiTokens.created')}</th>
                <th scope="col">{t('settings.apiTokens.lastUsed')}</th>
                <th scope="col">{t('settings.apiTokens.expires')}</th>
                <th scope="col">{t('settings.apiTokens.status')}</th>
                <th scope="col">
                  <span className="sr-only">{t('settings.apiTokens.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => {
                const state = stateOf(token, now);
                return (
                  <tr
                    key={token.id}
                    className={state === 'active' ? '' : 'api-tokens__row--off'}
                    data-testid="api-token-row"
                  >
                    <td>
                      <div className="settings-user__name">{token.name}</div>
                      <div className="settings-user__email">
                        {t('settings.apiTokens.by', { name: token.createdBy.name })}
                      </div>
                    </td>
                    <td>
                      <span className="api-tokens__scopes">
                        {token.scopes.map((scope) => (
                          <span key={scope} className="badge">
                            {t(`settings.apiTokens.scope.${scope}`)}
                          </span>
                        ))}
                      </span>
                    </td>
                    <td>{formatTimestamp(token.createdAt, lang)}</td>
                    <td>{when(token.lastUsedAt, t('settings.apiTokens.notYet'))}</td>
                    <td>{when(token.expiresAt, t('settings.apiTokens.never'))}</td>
                    <td>
                      <span
                        className={`crm-status ${state === 'active' ? 'crm-status--won' : state === 'revoked' ? 'crm-status--lost' : ''}`}
                        title={
                          token.revokedAt === null
                            ? undefined
                            : t('settings.apiTokens.revokedAt', {
                                when: formatTimestamp(token.revokedAt, lang),
                              })
                        }
                      >
                        {t(`settings.apiTokens.${state}`)}
                      </span>
                    </td>
                    <td className="settings-users__actions">
                      {token.revokedAt === null && (
                        <button
                          type="button"
                          className="btn btn--sm btn--ghost settings-danger"
                          onClick={() => setRevoking(token)}
                        >
                          <AdminIcon name="trash" size={14} />
                          {t('settings.apiTokens.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
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
      <Dialog
        open={created !== null}
        size="md"
        title={t('settings.apiTokens.tokenTitle')}
        onClose={() => setCreated(null)}
        footer={
          <button type="button" className="btn btn--primary" onClick={() => setCreated(null)}>
            {t('settings.apiTokens.done')}
          </button>
        }
      >
        <p className="pb-callout" role="note">
          {t('settings.apiTokens.tokenWarning')}
        </p>
        <pre className="pb-snippet" aria-label={t('settings.apiTokens.tokenLabel')}>
          <code data-testid="api-token-secret">{created?.token}</code>
        </pre>
        {created && <CopyButton text={created.token} label={t('settings.apiTokens.copy')} />}
      </Dialog>
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

function CreateApiTokenDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (token: TCreatedApiTokenDto) => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TApiTokenScope[]>(['read']);
  const [expiry, setExpiry] = useState<string>('90');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      setName('');
      setScopes(['read']);
      setExpiry('90');
      setError(null);
      setBusy(false);
    }
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      onCreated(
        await settingsApi.createApiToken({
          name: name.trim(),
          scopes,
          ...(expiry === 'never' ? {} : { expiresInDays: Number(expiry) }),
        }),
      );
    } catch (cause) {
      const fields = fieldErrorsOf(cause);
      setError(
        fields.name ??
          Object.values(fields)[0] ??
          (cause instanceof Error ? cause.message : t('errors.generic')),
      );
      setBusy(false);
    }
  };

  return (
    <FormDialog
      open={open}
      size="md"
      title={t('settings.apiTokens.add')}
      onClose={onClose}
      formId="create-api-token"
      submitLabel={t('settings.apiTokens.create')}
      canSubmit={!(busy || !name.trim() || scopes.length === 0)}
      error={error}
      onSubmit={submit}
    >
      <div className="field">
        <label htmlFor={`${ids}-name`}>{t('settings.apiTokens.name')}</label>
        <input
          id={`${ids}-name`}
          required
          maxLength={100}
          placeholder={t('settings.apiTokens.namePlaceholder')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <fieldset className="pb-fieldset">
        <legend>{t('settings.apiTokens.scopesLegend')}</legend>
        <div className="api-tokens__scope-list">
          {apiTokenScopes.map((scope) => (
            <label key={scope} className="pb-check api-tokens__scope">
              <input
                type="checkbox"
                className="check"
                checked={scopes.includes(scope)}
                onChange={(e) =>
                  setScopes(e.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))
                }
              />
              <span>
                <strong>{t(`settings.apiTokens.scope.${scope}`)}</strong>
                <span className="field__hint"> — {t(`settings.apiTokens.scopeHint.${scope}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${ids}-expiry`}>{t('settings.apiTokens.expiry')}</label>
        <select id={`${ids}-expiry`} value={expiry} onChange={(e) => setExpiry(e.target.value)}>
          {EXPIRY_CHOICES.map((days) => (
            <option key={days} value={String(days)}>
              {t('settings.apiTokens.expiryDays', { count: days })}
            </option>
          ))}
          <option value="never">{t('settings.apiTokens.expiryNever')}</option>
        </select>
      </div>
    </FormDialog>
  );
}
