import type { ReactNode } from 'react';
import type { TRole } from '@charla/protocol';
import { isFolder } from '@charla/protocol/client';
import { ConversationRedirect } from './features/inbox/conversation-redirect';
import { InboxPage } from './features/inbox/inbox-page';
import { crmRoutes } from './features/crm/crm-routes';
import { playbooksRoutes } from './features/playbooks/playbooks-routes';
import { reportsRoutes } from './features/reports/reports-routes';
import { settingsRoutes } from './features/settings/settings-routes';
import { matchPath } from './lib/match-path';

/**
 * Signed-in routes, first match wins. Issue 8 adds its screens here (and in nav-items.ts);
 * `roles` keeps admin screens from regular users (the server refuses them anyway).
 */
export type AppRoute = {
  pattern: string;
  roles?: readonly TRole[];
  render: (params: Record<string, string>) => ReactNode;
};

export const routes: readonly AppRoute[] = [
  {
    pattern: '/inbox/:folder/:conversationId',
    render: (p) =>
      p.folder && isFolder(p.folder) ? (
        <InboxPage key="inbox" folder={p.folder} conversationId={p.conversationId ?? null} />
      ) : null,
  },
  {
    pattern: '/inbox/:folder',
    render: (p) =>
      p.folder && isFolder(p.folder) ? (
        <InboxPage key="inbox" folder={p.folder} conversationId={null} />
      ) : null,
  },
  { pattern: '/conversations/:id', render: (p) => <ConversationRedirect conversationId={p.id ?? ''} /> },
  ...playbooksRoutes,
  ...crmRoutes,
  ...reportsRoutes,
  ...settingsRoutes,
];

/** The element for a path and role, or null (the app then redirects to the inbox). */
export function resolveRoute(pathname: string, role: TRole): ReactNode {
  for (const route of routes) {
    const params = matchPath(route.pattern, pathname);
    if (!params) continue;
    if (route.roles && !route.roles.includes(role)) return null;
    return route.render(params);
  }
  return null;
}
