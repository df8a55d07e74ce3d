import { lazy, Suspense, type ComponentType } from 'react';

/**
 * A screen loaded on demand, in a chunk of its own (issue 25: route-level code splitting): the
 * first page's script holds the inbox, not every settings and CRM screen. While its chunk loads,
 * an empty page announces it to screen readers.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Page = lazy(() => load().then((component) => ({ default: component })));
  return function LazyPage(props: P) {
    return (
      <Suspense fallback={<div className="page-loading" role="status" aria-live="polite" />}>
        <Page {...props} />
      </Suspense>
    );
  };
}
