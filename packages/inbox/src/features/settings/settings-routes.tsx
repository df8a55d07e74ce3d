import type { AppRoute } from '../../app-routes';
import { ApiTokensPage } from './api-tokens-page';
import { NotificationSettingsPage } from '../notifications/notification-settings-page';
import { CompanyPage } from './company-page';
import { PipelinesPage } from '../crm/pipelines/pipelines-page';
import { EmailPage } from '../email/email-page';
import { ProfilePage } from '../accounts/profile-page';
import { SettingsLayout } from './settings-layout';
import { CannedResponsesPage } from '../canned/canned-responses-page';
import { PrivacyPage } from './privacy-page';
import { IdentityPage } from './identity-page';
import { UsersPage } from './users-page';
import { WebhooksPage } from './webhooks-page';
import { BusinessHoursPage } from '../availability/business-hours-page';
import { TeamsPage } from '../availability/teams-page';
import { LabelsPage } from '../labels/labels-page';

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
