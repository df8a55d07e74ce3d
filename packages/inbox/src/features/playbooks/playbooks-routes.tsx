import type { AppRoute } from '../../app-routes';
import { PlaybookEditorPage } from './playbook-editor-page';
import { PlaybooksPage } from './playbooks-page';

/** Playbook screens: admins only (R2); the server refuses everyone else anyway. */
export const playbooksRoutes: readonly AppRoute[] = [
  { pattern: '/playbooks', roles: ['admin'], render: () => <PlaybooksPage /> },
  {
    pattern: '/playbooks/:id',
    roles: ['admin'],
    render: (p) => <PlaybookEditorPage key={p.id} playbookId={p.id ?? ''} />,
  },
];
