import { useTranslation } from 'react-i18next';
import type { TApiTokenDto } from '@charla/protocol';
import { formatTimestamp } from '../../lib/format-time';
import { currentLanguage } from '../../lib/i18n';
import { AdminIcon } from '../playbooks/admin-icons';

function stateOf(token: TApiTokenDto, now: number): 'active' | 'expired' | 'revoked' {
  if (token.revokedAt !== null) return 'revoked';
  if (token.expiresAt !== null && token.expiresAt <= now) return 'expired';
  return 'active';
}

/** The tokens with their scopes, dates and state; active ones can be revoked. */
export function ApiTokenTable({
  tokens,
  onRevoke,
}: {
  tokens: TApiTokenDto[];
  onRevoke: (token: TApiTokenDto) => void;
}) {
  const { t } = useTranslation();
  const now = Date.now();
  return (
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
          {tokens.map((token) => (
            <ApiTokenRow key={token.id} token={token} now={now} onRevoke={onRevoke} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ApiTokenRow({
  token,
  now,
  onRevoke,
}: {
  token: TApiTokenDto;
  now: number;
  onRevoke: (token: TApiTokenDto) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const state = stateOf(token, now);
  const when = (at: number | null, fallback: string) => (at === null ? fallback : formatTimestamp(at, lang));
  return (
    <tr className={state === 'active' ? '' : 'api-tokens__row--off'} data-testid="api-token-row">
      <td>
        <div className="settings-user__name">{token.name}</div>
        <div className="settings-user__email">
          {t('settings.apiTokens.by', { name: token.createdBy.name })}
        </div>
      </td>
      <td data-label={t('settings.apiTokens.scopes')}>
        <span className="api-tokens__scopes">
          {token.scopes.map((scope) => (
            <span key={scope} className="badge">
              {t(`settings.apiTokens.scope.${scope}`)}
            </span>
          ))}
        </span>
      </td>
      <td data-label={t('settings.apiTokens.created')}>{formatTimestamp(token.createdAt, lang)}</td>
      <td data-label={t('settings.apiTokens.lastUsed')}>
        {when(token.lastUsedAt, t('settings.apiTokens.notYet'))}
      </td>
      <td data-label={t('settings.apiTokens.expires')}>
        {when(token.expiresAt, t('settings.apiTokens.never'))}
      </td>
      <td data-label={t('settings.apiTokens.status')}>
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
            onClick={() => onRevoke(token)}
          >
            <AdminIcon name="trash" size={14} />
            {t('settings.apiTokens.revoke')}
          </button>
        )}
      </td>
    </tr>
  );
}
