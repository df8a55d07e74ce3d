import { useCallback, useRef, type MutableRefObject } from 'react';
import type { TFolder } from '@charla/protocol';
import { inboxApi } from './inbox-api';
import type { FolderState, InboxAction, InboxState } from './inbox-state';

/**
 * Loads a folder's first or next page, or a search's results (with their excerpts), into the
 * state; a failure marks the folder so the list can offer to try again. `isLatest` says whether
 * this is still the folder's latest request when its answer comes: an older answer (a list fetched
 * again as the socket became ready, a search typed on) is dropped, never shown over a newer one.
 */
export async function loadFolderPage(
  dispatch: (action: InboxAction) => void,
  current: FolderState,
  request: { folder: TFolder; query: string; append: boolean; label: string },
  isLatest: () => boolean = () => true,
  api: Pick<typeof inboxApi, 'list' | 'search'> = inboxApi,
): Promise<void> {
  const { folder, query, append, label } = request;
  const cursor = append ? (current.nextCursor ?? undefined) : undefined;
  if (append && !cursor) return;
  dispatch({ type: 'folder_loading', folder, query, label });
  const answered = (action: InboxAction) => {
    if (isLatest()) dispatch(action);
  };
  try {
    if (query !== '') {
      const found = await api.search(folder, query, label);
      const items = found.items.map((hit) => hit.conversation);
      const snippets = Object.fromEntries(found.items.map((hit) => [hit.conversation.id, hit.match.snippet]));
      answered({
        type: 'folder_loaded',
        folder,
        query,
        label,
        items,
        nextCursor: null,
        append: false,
        snippets,
      });
      return;
    }
    const page = await api.list(folder, query, cursor, label);
    answered({
      type: 'folder_loaded',
      folder,
      query,
      label,
      items: page.items,
      nextCursor: page.nextCursor,
      append,
    });
  } catch {
    answered({ type: 'folder_error', folder });
  }
}

/**
 * `loadFolder` for the inbox: each folder's requests numbered, so only the latest answer lands.
 * Requests wait for `settled` (the socket's first `ready`, `first-ready.ts`); one superseded
 * meanwhile is never sent.
 */
export function useFolderLoader(
  dispatch: (action: InboxAction) => void,
  stateRef: MutableRefObject<InboxState>,
  settled: Promise<void> = Promise.resolve(),
) {
  const requests = useRef<Record<TFolder, number>>({ unassigned: 0, mine: 0, closed: 0 });
  return useCallback(
    async (folder: TFolder, query: string, append = false, label = '') => {
      const request = ++requests.current[folder];
      const isLatest = () => requests.current[folder] === request;
      await settled;
      if (!isLatest()) return;
      const current = stateRef.current.folders[folder];
      return loadFolderPage(dispatch, current, { folder, query, append, label }, isLatest);
    },
    [dispatch, stateRef, settled],
  );
}
