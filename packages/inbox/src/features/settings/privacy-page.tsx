import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/dialog';
import { Spinner } from '../../components/empty-state';
import { ApiError } from '../../lib/api-client';
import { formatTimestamp } from '../../lib/format-time';
import { currentLanguage } from '../../lib/i18n';
import { privacyApi, type AuditEntry, type PrivacySettings, type SubjectKind } from './privacy-api';
import { SettingsLayout } from './settings-layout';

const days = (value: string) => (value.trim() === '' ? null : Number(value));

/** Retention settings, the widget's privacy link, one person's export/delete, and the audit log (issue 22). */
export function PrivacyPage() {
  const { t } = useTranslation();
  const [audit, setAudit] = useState<AuditEntry[] | null>(null);
  const loadAudit = useCallback(() => {
    privacyApi.auditLog().then(
      (r) => setAudit(r.items),
      () => setAudit([]),
    );
  }, []);
  useEffect(loadAudit, [loadAudit]);
  return (
    <SettingsLayout section="privacy">
      <header className="page__header">
        <h2 className="settings__h">{t('settings.sections.privacy')}</h2>
        <p>{t('settings.privacy.intro')}</p>
      </header>
      <RetentionForm onSaved={loadAudit} />
      <SubjectTools onDone={loadAudit} />
      <AuditLog entries={audit} />
    </SettingsLayout>
  );
}

function RetentionForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<{ closed: string; logs: string; url: string } | null>(null);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const [error, setError] = useState('');
  const [urlError, setUrlError] = useState<string | null>(null);
  useEffect(() => {
    privacyApi.settings().then(
      (s: PrivacySettings) =>
        setForm({
          closed: String(s.closedConversationDays ?? ''),
          logs: String(s.deliveryLogDays ?? ''),
          url: s.privacyUrl ?? '',
        }),
      () => setState('error'),
    );
  }, []);
  if (!form) return <Spinner label={t('common.loading')} />;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState('saving');
    setUrlError(null);
    try {
      await privacyApi.save({
        closedConversationDays: days(form.closed),
        deliveryLogDays: days(form.logs),
        privacyUrl: form.url.trim() || null,
      });
      setState('saved');
      onSaved();
    } catch (cause) {
      if (cause instanceof ApiError && cause.code === 'PRIVACY_URL_NOT_WEB') {
        // The browser takes `javascript:` for a URL; the server refuses it, and the link's field says why.
        setUrlError(t('settings.privacy.privacyUrlNotWeb'));
        setState('idle');
        document.getElementById('privacy-url')?.focus();
        return;
      }
      setError(cause instanceof ApiError ? cause.message : t('errors.generic'));
      setState('error');
    }
  };
  const field = (id: 'closed' | 'logs', label: string, hint: string) => (
    <div className="field">
      <label htmlFor={`privacy-${id}`}>{label}</label>
      <input
        id={`privacy-${id}`}
        type="number"
        min={1}
        max={36500}
        inputMode="numeric"
        value={form[id]}
        onChange={(e) => setForm({ ...form, [id]: e.target.value })}
      />
      <span className="field__hint">{hint}</span>
    </div>
  );
  return (
    <form
      className="card form settings-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="privacy-retention"
    >
      <h3 id="privacy-retention">{t('settings.privacy.retention')}</h3>
      {field('closed', t('settings.privacy.closedDays'), t('settings.privacy.closedDaysHint'))}
      {field('logs', t('settings.privacy.logDays'), t('settings.privacy.logDaysHint'))}
      <PrivacyUrlField value={form.url} error={urlError} onChange={(url) => setForm({ ...form, url })} />
      <div className="card__actions settings-form__actions">
        <button type="submit" className="btn btn--primary" disabled={state === 'saving'}>
          {t('settings.save')}
        </button>
        <span role="status" className={state === 'error' ? 'field__error' : 'field__hint'}>
          {state === 'saved' ? t('settings.saved') : state === 'error' ? error : ''}
        </span>
      </div>
    </form>
  );
}

/** The widget's privacy link, with the server's refusal of a link that is not a web page next to it. */
function PrivacyUrlField({
  value,
  error,
  onChange,
}: {
  value: string;
  error: string | null;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor="privacy-url">{t('settings.privacy.privacyUrl')}</label>
      <input
        id="privacy-url"
        type="url"
        maxLength={500}
        value={value}
        placeholder="https://"
        aria-invalid={error !== null}
        aria-describedby={error ? 'privacy-url-error' : 'privacy-url-hint'}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <span className="field__error" id="privacy-url-error">
          {error}
        </span>
      ) : (
        <span className="field__hint" id="privacy-url-hint">
          {t('settings.privacy.privacyUrlHint')}
        </span>
      )}
    </div>
  );
}

/** Offers `value` as a JSON file download. */
function saveJson(value: unknown, name: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  Object.assign(window.document.createElement('a'), { href: url, download: name }).click();
  URL.revokeObjectURL(url);
}

function SubjectTools({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<SubjectKind>('visitor');
  const [id, setId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState('');
  const fail = (cause: unknown) => setNotice(cause instanceof ApiError ? cause.message : t('errors.generic'));
  const download = async () => {
    try {
      saveJson(await privacyApi.export(kind, id.trim()), `charla-${kind}-${id.trim()}.json`);
      setNotice(t('settings.privacy.exported'));
      onDone();
    } catch (cause) {
      fail(cause);
    }
  };
  const erase = async () => {
    setConfirming(false);
    try {
      const { removed } = await privacyApi.erase(kind, id.trim());
      const summary = Object.entries(removed)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ');
      setNotice(t('settings.privacy.deleted', { summary }));
      onDone();
    } catch (cause) {
      fail(cause);
    }
  };
  const kindLabel = kind === 'visitor' ? t('settings.privacy.kindVisitor') : t('settings.privacy.kindPerson');
  return (
    <section className="card form settings-form" aria-labelledby="privacy-subject">
      <h3 id="privacy-subject">{t('settings.privacy.subjectTitle')}</h3>
      <p className="field__hint">{t('settings.privacy.subjectIntro')}</p>
      <div className="field">
        <label htmlFor="privacy-kind">{t('settings.privacy.kind')}</label>
        <select id="privacy-kind" value={kind} onChange={(e) => setKind(e.target.value as SubjectKind)}>
          <option value="visitor">{t('settings.privacy.kindVisitor')}</option>
          <option value="person">{t('settings.privacy.kindPerson')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="privacy-id">{t('settings.privacy.subjectId')}</label>
        <input id="privacy-id" value={id} maxLength={64} onChange={(e) => setId(e.target.value)} />
      </div>
      <div className="card__actions settings-form__actions">
        <button type="button" className="btn" disabled={!id.trim()} onClick={() => void download()}>
          {t('settings.privacy.export')}
        </button>
        <button
          type="button"
          className="btn btn--danger"
          disabled={!id.trim()}
          onClick={() => setConfirming(true)}
        >
          {t('settings.privacy.delete')}
        </button>
        <span role="status" className="field__hint">
          {notice}
        </span>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('settings.privacy.deleteTitle', { kind: kindLabel })}
        confirmLabel={t('settings.privacy.delete')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void erase()}
      >
        <p>{t('settings.privacy.deleteText')}</p>
      </ConfirmDialog>
    </section>
  );
}

function AuditLog({ entries }: { entries: AuditEntry[] | null }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (entries === null) return <Spinner label={t('common.loading')} />;
  return (
    <section className="card" aria-labelledby="privacy-audit">
      <h3 id="privacy-audit">{t('settings.privacy.auditTitle')}</h3>
      {entries.length === 0 ? (
        <p className="field__hint">{t('settings.privacy.auditEmpty')}</p>
      ) : (
        <div className="crm-table-wrap">
          <table className="crm-table">
            <thead>
              <tr>
                <th scope="col">{t('settings.privacy.when')}</th>
                <th scope="col">{t('settings.privacy.who')}</th>
                <th scope="col">{t('settings.privacy.what')}</th>
                <th scope="col">{t('settings.privacy.subject')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatTimestamp(e.at, lang)}</td>
                  <td>{e.actorName}</td>
                  <td>{t(`settings.privacy.actions.${e.action}`, { defaultValue: e.action })}</td>
                  <td>{e.subjectId ? `${e.subjectKind} ${e.subjectId}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
