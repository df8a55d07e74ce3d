import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRole } from '@charla/protocol';
import { Link } from '../../lib/router';
import { useMe } from '../auth/session-context';
import '../crm/crm.css';
import '../crm/crm-views.css';
import '../playbooks/playbooks.css';
import './settings.css';

export type SettingsSection =
  | 'profile'
  | 'notifications'
  | 'canned-responses'
  | 'company'
  | 'pipelines'
  | 'users'
  | 'teams'
  | 'labels'
  | 'business-hours'
  | 'email'
  | 'webhooks'
  | 'api-tokens'
  | 'privacy'
  | 'identity';

const SECTIONS: { id: SettingsSection; roles: readonly TRole[] }[] = [
  { id: 'profile', roles: ['admin', 'regular'] },
  { id: 'notifications', roles: ['admin', 'regular'] },
  { id: 'canned-responses', roles: ['admin', 'regular'] },
  { id: 'company', roles: ['admin', 'regular'] },
  { id: 'pipelines', roles: ['admin'] },
  { id: 'users', roles: ['admin'] },
  { id: 'teams', roles: ['admin'] },
  { id: 'labels', roles: ['admin'] },
  { id: 'business-hours', roles: ['admin'] },
  { id: 'email', roles: ['admin'] },
  { id: 'webhooks', roles: ['admin'] },
  { id: 'api-tokens', roles: ['admin'] },
  { id: 'privacy', roles: ['admin'] },
  { id: 'identity', roles: ['admin'] },
];

/** Settings sub-navigation; admin-only sections are not even listed for regular users (R2). */
export function SettingsLayout({ section, children }: { section: SettingsSection; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const nav = useRef<HTMLElement>(null);
  // On a phone the links are a strip that scrolls sideways: bring the current one into view, or
  // nothing would look selected. Only the strip scrolls (not the page), and only when it is needed.
  useLayoutEffect(() => {
    const strip = nav.current;
    const link = strip?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!strip || !link || strip.scrollWidth <= strip.clientWidth) return;
    const linkCenter = link.getBoundingClientRect().left + link.offsetWidth / 2;
    const stripCenter = strip.getBoundingClientRect().left + strip.clientWidth / 2;
    strip.scrollLeft += linkCenter - stripCenter;
  }, [section]);
  return (
    <div className="settings">
      <nav ref={nav} className="settings__nav" aria-label={t('settings.sectionsLabel')}>
        <h1 className="settings__title">{t('nav.settings')}</h1>
        {SECTIONS.filter((s) => s.roles.includes(me.role)).map((s) => (
          <Link
            key={s.id}
            to={`/settings/${s.id}`}
            className={`settings__link ${section === s.id ? 'settings__link--on' : ''}`}
            aria-current={section === s.id ? 'page' : undefined}
          >
            {t(`settings.sections.${s.id}`)}
          </Link>
        ))}
      </nav>
      <div className="settings__body">{children}</div>
    </div>
  );
}
