import type { AppRoute } from '../../app-routes';
import { lazyPage } from '../../lib/lazy-page';
import { SettingsLayout } from './settings-layout';

// Each settings screen is its own chunk, loaded when opened.
const ApiTokensPage = lazyPage(() => import('./api-tokens-page').then((m) => m.ApiTokensPage));
const NotificationSettingsPage = lazyPage(() =>
  import('../notifications/notification-settings-page').then((m) => m.NotificationSettingsPage),
);
const CompanyPage = lazyPage(() => import('./company-page').then((m) => m.CompanyPage));
const PipelinesPage = lazyPage(() => import('../crm/pipelines/pipelines-page').then((m) => m.PipelinesPage));
const EmailPage = lazyPage(() => import('../email/email-page').then((m) => m.EmailPage));
const ProfilePage = lazyPage(() => import('../accounts/profile-page').then((m) => m.ProfilePage));
const CannedResponsesPage = lazyPage(() =>
  import('../canned/canned-responses-page').then((m) => m.CannedResponsesPage),
);
const PrivacyPage = lazyPage(() => import('./privacy-page').then((m) => m.PrivacyPage));
const IdentityPage = lazyPage(() => import('./identity-page').then((m) => m.IdentityPage));
const UsersPage = lazyPage(() => import('./users-page').then((m) => m.UsersPage));
const WebhooksPage = lazyPage(() => import('./webhooks-page').then((m) => m.WebhooksPage));
const BusinessHoursPage = lazyPage(() =>
  import('../availability/business-hours-page').then((m) => m.BusinessHoursPage),
);
const TeamsPage = lazyPage(() => import('../availability/teams-page').then((m) => m.TeamsPage));
const LabelsPage = lazyPage(() => import('../labels/labels-page').then((m) => m.LabelsPage));

/** Settings screens. Users, webhooks and API tokens are admin-only (R2); the server refuses others anyway. */
export const settingsRoutes: readonly AppRoute[] = [
  {
    // The notifications page (R21–R24) is the inbox's; it shows the company defaults to admins.
    pattern: '/settings/notifications',
    render: () => (
      <SettingsLayout section="notifications">
        <NotificationSettingsPage />
      </SettingsLayout>
    ),
  },
  { pattern: '/settings/profile', render: () => <ProfilePage /> },
  { pattern: '/settings/canned-responses', render: () => <CannedResponsesPage /> },
  { pattern: '/settings/company', render: () => <CompanyPage /> },
  { pattern: '/settings/pipelines', roles: ['admin'], render: () => <PipelinesPage /> },
  { pattern: '/settings/users', roles: ['admin'], render: () => <UsersPage /> },
  { pattern: '/settings/teams', roles: ['admin'], render: () => <TeamsPage /> },
  { pattern: '/settings/labels', roles: ['admin'], render: () => <LabelsPage /> },
  { pattern: '/settings/business-hours', roles: ['admin'], render: () => <BusinessHoursPage /> },
  { pattern: '/settings/email', roles: ['admin'], render: () => <EmailPage /> },
  { pattern: '/settings/webhooks', roles: ['admin'], render: () => <WebhooksPage /> },
  { pattern: '/settings/api-tokens', roles: ['admin'], render: () => <ApiTokensPage /> },
  { pattern: '/settings/privacy', roles: ['admin'], render: () => <PrivacyPage /> },
  { pattern: '/settings/identity', roles: ['admin'], render: () => <IdentityPage /> },
];
