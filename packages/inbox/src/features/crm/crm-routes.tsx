import type { AppRoute } from '../../app-routes';
import { CRM_SECTIONS } from './crm-layout';
import { CrmDetailPage } from './crm-detail-page';
import { CrmListPage } from './crm-list-page';
import { MyActivitiesPage } from './activities/my-activities-page';
import type { CrmEntity } from './crm-api';

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
