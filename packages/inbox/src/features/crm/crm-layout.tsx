import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../lib/router';
import type { CrmEntity } from './crm-api';
import { CrmToast } from './crm-toast';
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
  const tabs = useRef<HTMLElement>(null);
  // On a phone the tabs are a strip that scrolls sideways (as Settings' tabs): bring the current
  // one into view. Only the strip scrolls, and only when it overflows.
  useLayoutEffect(() => {
    const strip = tabs.current;
    const tab = strip?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!strip || !tab || strip.scrollWidth <= strip.clientWidth) return;
    const tabCenter = tab.getBoundingClientRect().left + tab.offsetWidth / 2;
    const stripCenter = strip.getBoundingClientRect().left + strip.clientWidth / 2;
    strip.scrollLeft += tabCenter - stripCenter;
  }, [section]);
  return (
    <div className="page page--wide crm">
      <CrmToast />
      <header className="page__header page__header--row">
        <div>
          <h1>{t('crm.title')}</h1>
          <p>{t('crm.intro')}</p>
        </div>
        {actions}
      </header>
      <nav ref={tabs} className="crm-tabs" aria-label={t('crm.sections')}>
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
