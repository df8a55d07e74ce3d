import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';
import type { IconName } from '../../lib/icons';

/** Stand-in for the admin and CRM screens of issue 8, so the navigation is complete meanwhile. */
export function ComingSoonPage({ titleKey, icon }: { titleKey: string; icon: IconName }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <header className="page__header">
        <h1>{t(titleKey)}</h1>
      </header>
      <div className="card">
        <EmptyState icon={icon} title={t('placeholder.title')}>
          {t('placeholder.text')}
        </EmptyState>
      </div>
    </div>
  );
}
