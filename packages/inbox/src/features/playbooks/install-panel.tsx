import { useTranslation } from 'react-i18next';
import type { TPlaybookSummaryDto } from '@charla/protocol';
import { formatRelative } from '../../lib/format-time';
import { currentLanguage } from '../../lib/i18n';
import { EmbedSnippet } from './embed-snippet';

/** Where the playbook may run (allowed origins) and where it has been seen (R8). */
export function InstallPanel({
  playbook,
  origins,
  onOrigins,
  originsError,
}: {
  playbook: TPlaybookSummaryDto;
  origins: string;
  onOrigins: (value: string) => void;
  originsError: string | null;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <div className="pb-side-form">
      <section className="pb-section">
        <h2 className="pb-section__title">{t('playbooks.install.snippet')}</h2>
        <EmbedSnippet playbook={playbook} />
      </section>
      <section className="pb-section">
        <h2 className="pb-section__title">{t('playbooks.install.seen')}</h2>
        {playbook.installs.length === 0 ? (
          <p className="pb-muted">{t('playbooks.install.never')}</p>
        ) : (
          <ul className="pb-seen">
            {playbook.installs.map((install) => (
              <li key={install.origin}>
                <strong>{install.origin}</strong>
                <span className="pb-muted">
                  {install.lastUrl} ·{' '}
                  {t('playbooks.lastSeen', { when: formatRelative(install.lastSeenAt, lang) })}
                </span>
              </li>
            ))}
          </ul>
        )}
        {playbook.liveChatOfflineOnly && <p className="pb-callout">{t('playbooks.offlineOnlyHint')}</p>}
      </section>
      <section className="pb-section">
        <h2 className="pb-section__title">{t('playbooks.install.origins')}</h2>
        <div className="field">
          <label htmlFor="pb-origins">{t('playbooks.install.originsLabel')}</label>
          <textarea
            id="pb-origins"
            className="textarea"
            rows={4}
            value={origins}
            placeholder="https://www.example.com"
            aria-invalid={originsError !== null}
            aria-describedby="pb-origins-hint"
            onChange={(e) => onOrigins(e.target.value)}
          />
          <span id="pb-origins-hint" className={originsError ? 'field__error' : 'field__hint'}>
            {originsError ?? t('playbooks.install.originsHint')}
          </span>
        </div>
      </section>
    </div>
  );
}
