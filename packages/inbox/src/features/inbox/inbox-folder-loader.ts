import type { TFolder } from '@charla/protocol';
import { inboxApi } from './inbox-api';
import type { FolderState, InboxAction } from './inbox-state';

/**
 * Loads a folder's first or next page, or a search's results (with their excerpts), into the
 * state; a failure marks the folder so the list can offer to try again.
 */
export async function loadFolderPage(
  dispatch: (action: InboxAction) => void,
  current: FolderState,
  request: { folder: TFolder; query: string; append: boolean; label: string },
): Promise<void> {
  const { folder, query, append, label } = request;
  const cursor = append ? (current.nextCursor ?? undefined) : undefined;
  if (append && !cursor) return;
  dispatch({ type: 'folder_loading', folder, query, label });
  try {
    if (query !== '') {
      const found = await inboxApi.search(folder, query, label);
      const items = found.items.map((hit) => hit.conversation);
      const snippets = Object.fromEntries(found.items.map((hit) => [hit.conversation.id, hit.match.snippet]));
      dispatch({
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
    const page = await inboxApi.list(folder, query, cursor, label);
    dispatch({
      type: 'folder_loaded',
      folder,
      query,
      label,
      items: page.items,
      nextCursor: page.nextCursor,
      append,
    });
  } catch {
    dispatch({ type: 'folder_error', folder });
  }
}
