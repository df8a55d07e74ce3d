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

describe('loadFolderPage', () => {
  it('drops an answer that comes after a newer request was made, whichever lands last', async () => {
    const actions: InboxAction[] = [];
    const lists = pendingLists();
    let latest = 0;
    const load = () => {
      const request = ++latest;
      const request_ = { folder: 'mine' as const, query: '', append: false, label: '' };
      return loadFolderPage(
        (a) => actions.push(a),
        READY,
        request_,
        () => latest === request,
        lists.api,
      );
    };
    const first = load(); // fetched while the socket was connecting
    const second = load(); // fetched again once the server said `ready`
    lists.answer(1, ['a', 'b']);
    await second;
    lists.answer(0, ['a']); // the older list, missing what came meanwhile, answers last
    await first;
    const loaded = actions.filter((a) => a.type === 'folder_loaded');
    expect(loaded.map((a) => a.type === 'folder_loaded' && a.items.map((c) => c.id))).toEqual([['a', 'b']]);
  });

  it('keeps an error of an older request from marking a folder the newer one loads', async () => {
    const actions: InboxAction[] = [];
    let latest = 0;
    const failing = {
      list: () => Promise.reject(new Error('offline')),
      search: () => Promise.reject(new Error()),
    };
    const request = { folder: 'closed' as const, query: '', append: false, label: '' };
    const mine = ++latest;
    const older = loadFolderPage(
      (a) => actions.push(a),
      READY,
      request,
      () => latest === mine,
      failing,
    );
    latest += 1;
    await older;
    expect(actions.map((a) => a.type)).toEqual(['folder_loading']);
  });
});
