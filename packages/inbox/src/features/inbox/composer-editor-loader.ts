import { lazy } from 'react';

// The reply composer's editor (TipTap, ProseMirror) in a chunk of its own: the inbox's first load
// stays without it. It starts loading when a conversation opens (inbox-page.tsx); the composer
// shows a box of the same size until it is there.

let loading: Promise<typeof import('./composer-editor')> | null = null;

export function loadComposerEditor(): Promise<typeof import('./composer-editor')> {
  // A failed load (the network) is tried again at the next ask.
  loading ??= import('./composer-editor').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

export const LazyComposerEditor = lazy(() =>
  loadComposerEditor().then((module) => ({ default: module.ComposerEditor })),
);
