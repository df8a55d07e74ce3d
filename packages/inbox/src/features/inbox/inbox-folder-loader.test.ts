import type { TConversationDto, TPage } from '@charla/protocol';
import { describe, expect, it } from 'vitest';
import { loadFolderPage } from './inbox-folder-loader';
import type { FolderState, InboxAction } from './inbox-state';

const READY: FolderState = { ids: [], nextCursor: null, status: 'ready', query: '', label: '' };

/** A list call whose answer the test gives when it wants (answers may cross). */
function pendingLists() {
  const answers: ((page: TPage<TConversationDto>) => void)[] = [];
  return {
    answer: (index: number, ids: string[]) =>
      answers[index]?.({ items: ids.map((id) => ({ id }) as TConversationDto), nextCursor: null }),
    api: {
      list: () => new Promise<TPage<TConversationDto>>((resolve) => answers.push(resolve)),
      search: () => Promise.reject(new Error('not searched here')),
    },
  };
}

/** `loadFolderPage` as the inbox calls it: each request numbered, only the latest one current. */
function numberedLoads(api: Parameters<typeof loadFolderPage>[4]) {
  const actions: InboxAction[] = [];
  let latest = 0;
  const load = (folder: 'mine' | 'closed') => {
    const ticket = ++latest;
    const request = { folder, query: '', append: false, label: '' };
    return loadFolderPage(
      (a) => actions.push(a),
      READY,
      request,
      () => latest === ticket,
      api,
    );
  };
  return { actions, load };
}

describe('loadFolderPage', () => {
  it('drops an answer that comes after a newer request was made, whichever lands last', async () => {
    const lists = pendingLists();
    const { actions, load } = numberedLoads(lists.api);
    const first = load('mine'); // fetched while the socket was connecting
    const second = load('mine'); // fetched again once the server said `ready`
    lists.answer(1, ['a', 'b']);
    await second;
    lists.answer(0, ['a']); // the older list, missing what came meanwhile, answers last
    await first;
    const loaded = actions.filter((a) => a.type === 'folder_loaded');
    expect(loaded.map((a) => a.type === 'folder_loaded' && a.items.map((c) => c.id))).toEqual([['a', 'b']]);
  });

  it('keeps an error of an older request from marking a folder the newer one loads', async () => {
    const lists = pendingLists();
    let calls = 0;
    // The first request fails (the network dropped), the one after it is answered.
    const flaky = {
      ...lists.api,
      list: () => (++calls === 1 ? Promise.reject(new Error('offline')) : lists.api.list()),
    };
    const { actions, load } = numberedLoads(flaky);
    const older = load('closed');
    const newer = load('closed');
    await older;
    lists.answer(0, ['c']);
    await newer;
    expect(actions.map((a) => a.type)).toEqual(['folder_loading', 'folder_loading', 'folder_loaded']);
  });
});
