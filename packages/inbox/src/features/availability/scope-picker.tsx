import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPlaybookSummaryDto } from '@charla/protocol';
import { playbooksApi } from '../playbooks/playbooks-api';

/** Company hours, or one playbook's own (an override of the company's). */
export function ScopePicker({
  scope,
  follows,
  onChange,
  onDropOwn,
}: {
  scope: string;
  follows: boolean;
  onChange: (scope: string) => void;
  onDropOwn: () => void;
}) {
  const { t } = useTranslation();
  const [playbooks, setPlaybooks] = useState<TPlaybookSummaryDto[]>([]);
  useEffect(() => {
    playbooksApi.list().then(setPlaybooks, () => setPlaybooks([]));
  }, []);
  return (
    <div className="field hours-scope">
      <label htmlFor="hours-scope">{t('availability.scope')}</label>
      <select id="hours-scope" value={scope} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('availability.scopeCompany')}</option>
        {playbooks.map((p) => (
          <option key={p.id} value={p.id}>
            {t('availability.scopePlaybook', { name: p.name })}
          </option>
        ))}
      </select>
      {scope !== '' && (
        <span className="field__hint">
          {follows ? t('availability.follows') : t('availability.ownHours')}{' '}
          {!follows && (
            <button type="button" className="btn btn--sm btn--ghost" onClick={onDropOwn}>
              {t('availability.dropOwn')}
            </button>
          )}
        </span>
      )}
    </div>
  );
}
