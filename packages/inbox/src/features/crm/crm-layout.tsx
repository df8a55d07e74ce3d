import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../lib/router';
import type { CrmEntity } from './crm-api';
import './crm.css';
import './crm-views.css';

export const CRM_SECTIONS: CrmEntity[] = ['leads', 'deals', 'persons', 'organizations', 'activities'];

/** The CRM frame: section tabs (leads, deals, persons, organizations, activities) above each screen. */
export function CrmLayout({
  section,
  actions,
  children,
}: {
  section: CrmEntity;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="page page--wide crm">
      <header className="page__header page__header--row">
        <div>
          <h1>{t('crm.title')}</h1>
          <p>{t('crm.intro')}</p>
        </div>
        {actions}
      </header>
      <nav className="crm-tabs" aria-label={t('crm.sections')}>
        {CRM_SECTIONS.map((id) => (
          <Link
            key={id}
            to={`/crm/${id}`}
            className={`crm-tab ${section === id ? 'crm-tab--on' : ''}`}
            aria-current={section === id ? 'page' : undefined}
          >
            {t(`crm.entities.${id}`)}
          </Link>
        ))}
      </nav>
      {children}
    </div>
  );
}
