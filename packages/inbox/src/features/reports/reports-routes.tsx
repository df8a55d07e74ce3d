import { lazy, Suspense } from 'react';
import type { AppRoute } from '../../app-routes';

// The reports screen and its chart library (uPlot) load on demand: agents who never open it never download it.
const ReportsPage = lazy(() => import('./reports-page').then((m) => ({ default: m.ReportsPage })));

/** Reports: every user (regular users see their own figures; the server enforces it). */
export const reportsRoutes: readonly AppRoute[] = [
  {
    pattern: '/reports',
    render: () => (
      <Suspense fallback={<div className="page-loading" role="status" aria-live="polite" />}>
        <ReportsPage />
      </Suspense>
    ),
  },
];
