import { lazy, Suspense } from 'react';
import type { AppRoute } from '../../app-routes';
import { PlaybooksPage } from './playbooks-page';

// The flow editor (@xyflow/react, the preview runtime) is most of the app's weight and only
// admins open it: load it on demand, so the inbox agents use every day starts small.
const PlaybookEditorPage = lazy(() =>
  import('./playbook-editor-page').then((m) => ({ default: m.PlaybookEditorPage })),
);

/** Playbook screens: admins only (R2); the server refuses everyone else anyway. */
export const playbooksRoutes: readonly AppRoute[] = [
  { pattern: '/playbooks', roles: ['admin'], render: () => <PlaybooksPage /> },
  {
    pattern: '/playbooks/:id',
    roles: ['admin'],
    render: (p) => (
      <Suspense fallback={<div className="page-loading" role="status" aria-live="polite" />}>
        <PlaybookEditorPage key={p.id} playbookId={p.id ?? ''} />
      </Suspense>
    ),
  },
];
