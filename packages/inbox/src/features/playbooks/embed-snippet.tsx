import { useTranslation } from 'react-i18next';
import type { TPlaybookSummaryDto } from '@charla/protocol';
import { CopyButton } from './copy-button';

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
