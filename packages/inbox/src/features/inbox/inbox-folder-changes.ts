import type { TConversationDto, TFolder } from '@charla/protocol';
import { folderOf } from '@charla/protocol/client';
import type { FolderState, InboxAction, InboxState } from './inbox-state';

/** How the inbox state's lists change: folder pages, counts and conversations moving between folders. */

export const folders: readonly TFolder[] = ['unassigned', 'mine', 'closed'];

type ActionOf<T extends InboxAction['type']> = Extract<InboxAction, { type: T }>;

/** The record without `key` (the same object when it had none, so React skips the render). */
export function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/** Unassigned: longest waiting first. Mine: latest activity first. Closed: latest closed first. */
export function compareInFolder(folder: TFolder, a: TConversationDto, b: TConversationDto): number {
  if (folder === 'unassigned') return (a.waitingSince ?? a.createdAt) - (b.waitingSince ?? b.createdAt);
  if (folder === 'closed') return (b.closedAt ?? b.lastMessageAt) - (a.closedAt ?? a.lastMessageAt);
  return b.lastMessageAt - a.lastMessageAt;
}

/** The list with `mark` noted for `id` when it is loading (`FolderState.live`), else as it was. */
function noted(list: FolderState, id: string, mark: 'in' | 'out'): FolderState {
  if (list.status !== 'loading' || list.live?.[id] === mark) return list;
  return { ...list, live: { ...list.live, [id]: mark } };
}

function placeInFolders(
  state: InboxState,
  conversation: TConversationDto,
  conversations: Record<string, TConversationDto>,
): InboxState['folders'] {
  const target = folderOf(conversation, state.meId);
  const next = { ...state.folders };
  for (const folder of folders) {
    const current = next[folder];
    const without = current.ids.filter((id) => id !== conversation.id);
    const inList = without.length !== current.ids.length;
    const label = current.label ?? '';
    const carries = label === '' || conversation.labels.some((l) => l.id === label);
    if (folder !== target || !carries) {
      next[folder] = noted(inList ? { ...current, ids: without } : current, conversation.id, 'out');
      continue;
    }
    // A search result list only refreshes the rows it already has.
    if (current.query !== '' && !inList) continue;
    if (current.status !== 'ready' && current.status !== 'loading' && !inList) continue;
    const ids = [...without, conversation.id].sort((x, y) => {
      const cx = conversations[x];
      const cy = conversations[y];
      return cx && cy ? compareInFolder(folder, cx, cy) : 0;
    });
    next[folder] = noted({ ...current, ids }, conversation.id, 'in');
  }
  return next;
}

/**
 * What a conversation's snapshot (a frame, a list answer, a fetch) leaves in the state over the
 * one held, or null when it is older. Frames cross REST answers: every lifecycle step appends a
 * timeline event, so a lower lastSeq is older whatever its status (a list fetched before an Assign
 * put the chat back in Unassigned). Read positions only move forward: a list fetched again at
 * `ready` would otherwise put back the unread dot of the chat this inbox has just read.
 */
export function snapshotOver(
  held: TConversationDto | undefined,
  next: TConversationDto,
): TConversationDto | null {
  if (!held) return next;
  if (held.lastSeq > next.lastSeq) return null;
  return {
    ...next,
    userReadSeq: Math.max(held.userReadSeq, next.userReadSeq),
    visitorReadSeq: Math.max(held.visitorReadSeq, next.visitorReadSeq),
  };
}

export function folderLoading(state: InboxState, action: ActionOf<'folder_loading'>): InboxState {
  const current = state.folders[action.folder];
  const sameQuery = current.query === action.query && (current.label ?? '') === (action.label ?? '');
  const loading = {
    ...current,
    status: 'loading' as const,
    query: action.query,
    label: action.label ?? '',
    ids: sameQuery ? current.ids : [],
    live: {},
  };
  return { ...state, folders: { ...state.folders, [action.folder]: loading } };
}

export function folderLoaded(state: InboxState, action: ActionOf<'folder_loaded'>): InboxState {
  const conversations = { ...state.conversations };
  for (const item of action.items) {
    const landed = snapshotOver(conversations[item.id], item);
    if (landed) conversations[item.id] = landed;
  }
  const current = state.folders[action.folder];
  const ids = action.append
    ? [...current.ids, ...action.items.map((c) => c.id).filter((id) => !current.ids.includes(id))]
    : pageWithLive(action.folder, current, action.items, conversations);
  const loaded: FolderState = {
    ids,
    nextCursor: action.nextCursor,
    status: 'ready' as const,
    query: action.query,
    label: action.label ?? '',
    ...(action.snippets ? { snippets: action.snippets } : {}),
  };
  return { ...state, conversations, folders: { ...state.folders, [action.folder]: loaded } };
}

/** A first page's rows, with what frames changed while it loaded (`FolderState.live`) kept. */
function pageWithLive(
  folder: TFolder,
  current: FolderState,
  items: TConversationDto[],
  conversations: Record<string, TConversationDto>,
): string[] {
  const live = current.live ?? {};
  const page = items.map((c) => c.id).filter((id) => live[id] !== 'out');
  // A search's results are the server's to choose: frames only refresh the rows it has.
  if (current.query !== '') return page;
  const arrived = Object.keys(live).filter(
    (id) => live[id] === 'in' && current.ids.includes(id) && !page.includes(id) && conversations[id],
  );
  if (arrived.length === 0) return page;
  return [...page, ...arrived].sort((x, y) => compareInFolder(folder, conversations[x]!, conversations[y]!));
}

export function folderFailed(state: InboxState, action: ActionOf<'folder_error'>): InboxState {
  const failed = { ...state.folders[action.folder], status: 'error' as const };
  return { ...state, folders: { ...state.folders, [action.folder]: failed } };
}

export function conversationChanged(state: InboxState, action: ActionOf<'conversation'>): InboxState {
  const conversation = snapshotOver(state.conversations[action.conversation.id], action.conversation);
  if (!conversation) return state;
  const conversations = { ...state.conversations, [conversation.id]: conversation };
  return {
    ...state,
    conversations,
    folders: placeInFolders(state, conversation, conversations),
    removed: withoutKey(state.removed, conversation.id),
  };
}

/**
 * A message changed only its conversation's activity (a `message` frame's `activity`, issue 25):
 * the last message, its sequence number and the reply clock; the row moves in Mine's order.
 */
export function conversationActivity(state: InboxState, action: ActionOf<'activity'>): InboxState {
  const conversation = state.conversations[action.conversationId];
  const { lastSeq, lastMessageAt, lastMessagePreview, watchdogDeadline } = action.activity;
  if (!conversation || conversation.lastSeq >= lastSeq) return state;
  const next: TConversationDto = {
    ...conversation,
    lastSeq,
    lastMessageAt,
    lastMessagePreview,
    ...(conversation.routing ? { routing: { ...conversation.routing, watchdogDeadline } } : {}),
  };
  const conversations = { ...state.conversations, [next.id]: next };
  return { ...state, conversations, folders: placeInFolders(state, next, conversations) };
}

/** How far the team or the visitor read (a `read` frame): unread dots and the "Seen" mark. */
export function conversationRead(state: InboxState, action: ActionOf<'read'>): InboxState {
  const conversation = state.conversations[action.conversationId];
  const field = action.side === 'user' ? 'userReadSeq' : 'visitorReadSeq';
  if (!conversation || conversation[field] >= action.seq) return state;
  return {
    ...state,
    conversations: { ...state.conversations, [conversation.id]: { ...conversation, [field]: action.seq } },
  };
}

/** The server took a conversation out of my sight (R14): it leaves every list and thread. */
export function conversationRemoved(state: InboxState, action: ActionOf<'conversation_removed'>): InboxState {
  const next = { ...state.folders };
  for (const folder of folders) {
    const ids = next[folder].ids.filter((id) => id !== action.conversationId);
    next[folder] = noted({ ...next[folder], ids }, action.conversationId, 'out');
  }
  return {
    ...state,
    conversations: withoutKey(state.conversations, action.conversationId),
    folders: next,
    threads: withoutKey(state.threads, action.conversationId),
    typing: withoutKey(state.typing, action.conversationId),
    removed: { ...state.removed, [action.conversationId]: true },
  };
}

/** After a reconnect every list loads again (its rows stay shown meanwhile). */
export function listsReset(state: InboxState): InboxState {
  return {
    ...state,
    folders: {
      unassigned: { ...state.folders.unassigned, status: 'idle' },
      mine: { ...state.folders.mine, status: 'idle' },
      closed: { ...state.folders.closed, status: 'idle' },
    },
  };
}
