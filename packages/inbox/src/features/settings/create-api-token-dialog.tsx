import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiTokenScopes, type TApiTokenScope, type TCreatedApiTokenDto } from '@charla/protocol';
import { FormDialog } from '../../components/form-dialog';
import { fieldErrorsOf } from '../../lib/api-client';
import { settingsApi } from './settings-api';

const EXPIRY_CHOICES = [7, 30, 90, 365] as const;

/** Name, scopes and lifetime of a new API token. */
export function CreateApiTokenDialog({
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
      <ScopesFieldset scopes={scopes} onChange={setScopes} />
      <ExpirySelect id={`${ids}-expiry`} value={expiry} onChange={setExpiry} />
    </FormDialog>
  );
}

function ScopesFieldset({
  scopes,
  onChange,
}: {
  scopes: TApiTokenScope[];
  onChange: (scopes: TApiTokenScope[]) => void;
}) {
  const { t } = useTranslation();
  return (
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
                onChange(e.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))
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
  );
}

function ExpirySelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t('settings.apiTokens.expiry')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {EXPIRY_CHOICES.map((days) => (
          <option key={days} value={String(days)}>
            {t('settings.apiTokens.expiryDays', { count: days })}
          </option>
        ))}
        <option value="never">{t('settings.apiTokens.expiryNever')}</option>
      </select>
    </div>
  );
}
