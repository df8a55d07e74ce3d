import type { AppRoute } from '../../app-routes';
import { CRM_SECTIONS } from './crm-layout';
import { lazyPage } from '../../lib/lazy-page';
import type { CrmEntity } from './crm-api';

// The CRM screens are chunks of their own, loaded when opened.
const CrmListPage = lazyPage(() => import('./crm-list-page').then((m) => m.CrmListPage));
const CrmDetailPage = lazyPage(() => import('./crm-detail-page').then((m) => m.CrmDetailPage));
const MyActivitiesPage = lazyPage(() =>
  import('./activities/my-activities-page').then((m) => m.MyActivitiesPage),
);

function sectionOf(value: string | undefined): CrmEntity | null {
  return (CRM_SECTIONS as readonly string[]).includes(value ?? '') ? (value as CrmEntity) : null;
}

/** CRM screens: every user (R25). */
export const crmRoutes: readonly AppRoute[] = [
  { pattern: '/activities', render: () => <MyActivitiesPage /> },
  { pattern: '/crm', render: () => <CrmListPage key="leads" entity="leads" /> },
  {
    pattern: '/crm/:section',
    render: (p) => {
      const section = sectionOf(p.section);
      return section ? <CrmListPage key={section} entity={section} /> : null;
    },
  },
  {
    pattern: '/crm/:section/:id',
    render: (p) => {
      const section = sectionOf(p.section);
      return section ? <CrmDetailPage key={`${section}-${p.id}`} entity={section} id={p.id ?? ''} /> : null;
    },
  },
];
