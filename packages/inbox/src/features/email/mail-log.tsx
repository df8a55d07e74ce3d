import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mailStatuses, type TMailLogEntryDto, type TMailStatus } from '@charla/protocol';
import { Spinner } from '../../components/empty-state';
import { formatTimestamp } from '../../lib/format-time';
import { currentLanguage } from '../../lib/i18n';
import { emailApi } from './email-api';

const tone: Record<TMailStatus, string> = { sent: 'won', failed: 'lost', pending: 'open', skipped: '' };

/** The admin's mail log: every mail with its status, attempts and last error, newest first. */
export function MailLog() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<TMailStatus | ''>('');
  const [items, setItems] = useState<TMailLogEntryDto[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const load = useCallback(
    (after?: string) => {
      emailApi.log(filter || undefined, after).then(
        (page) => {
          setItems((list) => (after ? [...(list ?? []), ...page.items] : page.items));
          setCursor(page.nextCursor);
        },
        () => setItems([]),
      );
    },
    [filter],
  );
  useEffect(() => load(), [load]);

  return (
    <section className="card email-card">
      <div className="email-log__head">
        <h3 className="email-card__title">{t('settings.email.logTitle')}</h3>
        <div className="field email-log__filter">
          <label htmlFor="mail-log-filter">{t('settings.email.logFilter')}</label>
          <select
            id="mail-log-filter"
            value={filter}
            onChange={(e) => setFilter(e.target.value as TMailStatus | '')}
          >
            <option value="">{t('settings.email.logAll')}</option>
            {mailStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`settings.email.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {items === null ? (
        <Spinner label={t('common.loading')} />
      ) : items.length === 0 ? (
        <p className="field__hint">{t('settings.email.logEmpty')}</p>
      ) : (
        // Focusable so keyboard users can scroll a wide log on a phone.
        <div className="crm-table-wrap settings-log" tabIndex={0} aria-label={t('settings.email.logTitle')}>
          <table className="crm-table email-log">
            <caption className="sr-only">{t('settings.email.logTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.email.to')}</th>
                <th scope="col">{t('settings.email.subject')}</th>
                <th scope="col">{t('settings.email.status')}</th>
                <th scope="col">{t('settings.email.attempts')}</th>
                <th scope="col">{t('settings.email.when')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <MailLogRow key={m.id} mail={m} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <button type="button" className="btn btn--sm" onClick={() => load(cursor)}>
          {t('settings.email.loadMore')}
        </button>
      )}
    </section>
  );
}

/** An address that may wrap before its "@" (a <wbr>), never in the middle of a word. */
function Address({ value }: { value: string }) {
  const at = value.lastIndexOf('@');
  if (at <= 0) return <bdi>{value}</bdi>;
  return (
    <bdi>
      {value.slice(0, at)}
      <wbr />
      {value.slice(at)}
    </bdi>
  );
}

/** One mail: to, subject and template, status (with its last error or next attempt), attempts, when. */
function MailLogRow({ mail: m }: { mail: TMailLogEntryDto }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <tr data-testid="mail-log-row">
      <td className="email-log__to">
        <Address value={m.to} />
      </td>
      <td data-label={t('settings.email.subject')}>
        <div className="email-log__subject">
          <bdi>{m.subject}</bdi>
        </div>
        <div className="field__hint">{t(`settings.email.templates.${m.template}`)}</div>
      </td>
      <td data-label={t('settings.email.status')}>
        <span className={`crm-status ${tone[m.status] ? `crm-status--${tone[m.status]}` : ''}`}>
          {t(`settings.email.statuses.${m.status}`)}
        </span>
        {m.lastError && m.status !== 'sent' && (
          <div className="email-log__error" title={m.lastError}>
            {m.lastErrorCode ? t(`settings.email.reasons.${m.lastErrorCode}`) : m.lastError}
          </div>
        )}
        {m.nextAttemptAt !== null && (
          <div className="field__hint">
            {t('settings.email.nextAttempt', { when: formatTimestamp(m.nextAttemptAt, lang) })}
          </div>
        )}
      </td>
      <td data-label={t('settings.email.attempts')}>{m.attempts}</td>
      <td data-label={t('settings.email.when')}>{formatTimestamp(m.sentAt ?? m.createdAt, lang)}</td>
    </tr>
  );
}
