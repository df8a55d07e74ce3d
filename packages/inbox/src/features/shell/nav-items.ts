import type { TRole } from '@charla/protocol';
import type { IconName } from '../../lib/icons';

/**
 * The left navigation. Screens added later (issue 8: playbooks, CRM, settings) register here and
 * in app-routes.tsx; `roles` hides an entry from users who may not use it (the server refuses
 * them anyway, R2).
 */
export type NavItem = {
  id: string;
  path: string;
  match: string;
  labelKey: string;
  icon: IconName;
  roles: readonly TRole[];
};

export const navItems: readonly NavItem[] = [
  {
    id: 'inbox',
    path: '/inbox/unassigned',
    match: '/inbox',
    labelKey: 'nav.inbox',
    icon: 'inbox',
    roles: ['admin', 'regular'],
  },
  {
    id: 'playbooks',
    path: '/playbooks',
    match: '/playbooks',
    labelKey: 'nav.playbooks',
    icon: 'flow',
    roles: ['admin'],
  },
  {
    id: 'crm',
    path: '/crm',
    match: '/crm',
    labelKey: 'nav.crm',
    icon: 'briefcase',
    roles: ['admin', 'regular'],
  },
  {
    id: 'reports',
    path: '/reports',
    match: '/reports',
    labelKey: 'nav.reports',
    icon: 'chart',
    roles: ['admin', 'regular'],
  },
  {
    id: 'activities',
    path: '/activities',
    match: '/activities',
    labelKey: 'nav.myActivities',
    icon: 'checkCircle',
    roles: ['admin', 'regular'],
  },
  {
    id: 'settings',
    path: '/settings/notifications',
    match: '/settings',
    labelKey: 'nav.settings',
    icon: 'settings',
    roles: ['admin', 'regular'],
  },
];

export function navItemsFor(role: TRole): NavItem[] {
  return navItems.filter((item) => item.roles.includes(role));
}

export function isNavActive(item: NavItem, pathname: string): boolean {
  return (
    pathname === item.match ||
    pathname.startsWith(`${item.match}/`) ||
    (item.id === 'inbox' && pathname.startsWith('/conversations/'))
  );
}

/**
 * Where an address no screen answers goes: a section's own address ("/settings", "/settings/")
 * opens the section's first screen, as its entry in the navigation does; anything else the inbox.
 */
export function fallbackPath(pathname: string, role: TRole): string {
  const section = pathname.replace(/\/+$/, '');
  const item = navItemsFor(role).find((i) => i.match === section);
  return item && item.path !== pathname ? item.path : '/inbox/unassigned';
}
