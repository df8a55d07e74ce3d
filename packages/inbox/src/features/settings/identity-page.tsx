import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TIdentitySettingsDto, TRotatedIdentitySecretDto } from '@charla/protocol';
import { ConfirmDialog } from '../../components/dialog';
import { Spinner } from '../../components/empty-state';
import { api, ApiError } from '../../lib/api-client';
import { formatTimestamp } from '../../lib/format-time';
import { SettingsLayout } from './settings-layout';
import { CheckField } from '../../components/check-field';

const identityApi = {
  get: () => api.get<TIdentitySettingsDto>('/settings/identity'),
  save: (body: { requireVerified: boolean; graceHours: number }) =>
    api.put<TIdentitySettingsDto>('/settings/identity', body),
  rotate: () => api.post<TRotatedIdentitySecretDto>('/settings/identity/rotate'),
};

/** Settings → Visitor identity (issue 24): the secret's rotation and "require verified identity". */
export function IdentityPage() {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<TIdentitySettingsDto | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    identityApi.get().then(setSettings, () => setFailed(true));
  }, []);
  return (
    <SettingsLayout section="identity">
      <header className="page__header">
        <h2 className="settings__h">{t('identity.settings.title')}</h2>
        <p>{t('identity.settings.intro')}</p>
      </header>
      {settings ? (
        <>
          <SecretsCard settings={settings} onChange={setSettings} />
          <RequireForm settings={settings} onChange={setSettings} />
        </>
      ) : failed ? (
        <p className="field__error">{t('errors.generic')}</p>
      ) : (
        <Spinner label={t('common.loading')} />
      )}
    </SettingsLayout>
  );
}

type CardProps = { settings: TIdentitySettingsDto; onChange: (next: TIdentitySettingsDto) => void };

function SecretsCard({ settings, onChange }: CardProps) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const rotate = async () => {
    setBusy(true);
    try {
      const rotated = await identityApi.rotate();
      setSecret(rotated.secret);
      setCopied(false);
      onChange(rotated);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  const copy = () => {
    if (!secret) return;
    void navigator.clipboard?.writeText(secret).then(() => setCopied(true));
  };
  return (
    <section className="card form settings-form" aria-labelledby="identity-secrets">
      <h3 id="identity-secrets">{t('identity.settings.secrets')}</h3>
      {settings.secrets.length === 0 ? (
        <p className="field__hint">{t('identity.settings.none')}</p>
      ) : (
        <ul className="identity-secrets" data-testid="identity-secrets">
          {settings.secrets.map((s) => (
            <li key={`${s.hint}-${s.createdAt}`}>
              {s.expiresAt === null
                ? t('identity.settings.current', { hint: s.hint })
                : t('identity.settings.previous', {
                    hint: s.hint,
                    time: formatTimestamp(s.expiresAt, i18n.language),
                  })}
            </li>
          ))}
        </ul>
      )}
      {secret && (
        <div className="field">
          <label htmlFor="identity-new-secret">{t('identity.settings.newSecret')}</label>
          <div className="identity-secret-row">
            <input id="identity-new-secret" readOnly value={secret} onFocus={(e) => e.target.select()} />
            <button type="button" className="btn" onClick={copy}>
              {copied ? t('identity.settings.copied') : t('identity.settings.copy')}
            </button>
          </div>
        </div>
      )}
      <div className="card__actions settings-form__actions">
        <button type="button" className="btn" onClick={() => setConfirming(true)}>
          {settings.secrets.length === 0 ? t('identity.settings.rotateFirst') : t('identity.settings.rotate')}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('identity.settings.rotate')}
        confirmLabel={t('identity.settings.rotate')}
        busy={busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void rotate()}
      >
        <p>{t('identity.settings.rotateConfirm')}</p>
      </ConfirmDialog>
    </section>
  );
}

function RequireForm({ settings, onChange }: CardProps) {
  const { t } = useTranslation();
  const [required, setRequired] = useState(settings.requireVerified);
  const [grace, setGrace] = useState(String(settings.graceHours));
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState('saving');
    try {
      onChange(await identityApi.save({ requireVerified: required, graceHours: Number(grace) }));
      setState('saved');
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : t('errors.generic'));
      setState('error');
    }
  };
  return (
    <form
      className="card form settings-form"
      onSubmit={(e) => void submit(e)}
      aria-label={t('identity.settings.require')}
    >
      <CheckField checked={required} onChange={setRequired}>
        <span>{t('identity.settings.require')}</span>
      </CheckField>
      <span className="field__hint">{t('identity.settings.requireHelp')}</span>
      <div className="field">
        <label htmlFor="identity-grace">{t('identity.settings.grace')}</label>
        <input
          id="identity-grace"
          type="number"
          min={0}
          max={720}
          inputMode="numeric"
          required
          value={grace}
          onChange={(e) => setGrace(e.target.value)}
        />
      </div>
      <div className="card__actions settings-form__actions">
        <button type="submit" className="btn btn--primary" disabled={state === 'saving'}>
          {t('identity.settings.save')}
        </button>
        <span role="status" className={state === 'error' ? 'field__error' : 'field__hint'}>
          {state === 'saved' ? t('identity.settings.saved') : state === 'error' ? error : ''}
        </span>
      </div>
    </form>
  );
}
