import type {
  TConversationDto,
  TFolder,
  TFolderCountsDto,
  THighlightSegment,
  TMessageDto,
  TRichText,
} from '@charla/protocol';
import { folderOf, mergeMessages } from '@charla/protocol/client';

// The folder rule and the merge live in the shared client core; re-exported for the views.
export { folderOf };

export const folders: readonly TFolder[] = ['unassigned', 'mine', 'closed'];

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';
export type FolderState = {
  ids: string[];
  nextCursor: string | null;
  status: LoadStatus;
  query: string;
  /** The label filter ('' none): the server lists only carriers; live rows follow it too (issue 16). */
  label?: string;
  /** While searching: each result's excerpt, matched words flagged (plain text, never markup). */
  snippets?: Record<string, THighlightSegment[]>;
};
export type ThreadState = { messages: TMessageDto[]; status: 'loading' | 'ready' | 'error' | 'not_found' };
export type PendingMessage = {
  clientMsgId: string;
  body: TRichText;
  createdAt: number;
  /** Place in the one send queue of this client: typed order; a retry takes a new, later place. */
  queuedAt: number;
  /** `sending` waits its turn or is in flight; `failed` was refused (error: the catalogue code). */
  state: 'sending' | 'failed';
  error?: string;
};
export type TypingState = { name: string; preview: string | null; until: number };

export type InboxState = {
  meId: string;
  conversations: Record<string, TConversationDto>;
  folders: Record<TFolder, FolderState>;
  counts: TFolderCountsDto | null;
  threads: Record<string, ThreadState>;
  pending: Record<string, PendingMessage[]>;
  typing: Record<string, TypingState>;
  /** Conversations the server took out of my sight (R14): opening them shows "not found". */
  removed: Record<string, true>;
};

export type InboxAction =
  | { type: 'folder_loading'; folder: TFolder; query: string; label?: string }
  | {
      type: 'folder_loaded';
      folder: TFolder;
      query: string;
      label?: string;
      items: TConversationDto[];
      nextCursor: string | null;
      append: boolean;
      snippets?: Record<string, THighlightSegment[]>;
    }
  | { type: 'folder_error'; folder: TFolder }
  | { type: 'counts'; counts: TFolderCountsDto }
  | { type: 'conversation'; conversation: TConversationDto }
  | { type: 'conversation_removed'; conversationId: string }
  | { type: 'thread_loading'; conversationId: string }
  | { type: 'thread_loaded'; conversationId: string; messages: TMessageDto[] }
  | { type: 'thread_failed'; conversationId: string; notFound: boolean }
  | { type: 'messages'; conversationId: string; messages: TMessageDto[] }
  | { type: 'pending_add'; conversationId: string; pending: PendingMessage }
  | { type: 'pending_failed'; conversationId: string; clientMsgId: string; error: string }
  | { type: 'pending_retry'; conversationId: string; clientMsgId: string; queuedAt: number }
  | {
      type: 'typing';
      conversationId: string;
      name: string;
      active: boolean;
      preview: string | null;
      now: number;
    }
  | { type: 'reset_lists' };

const emptyFolder = (): FolderState => ({ ids: [], nextCursor: null, status: 'idle', query: '' });

export function initialInboxState(meId: string): InboxState {
  return {
    meId,
    conversations: {},
    folders: { unassigned: emptyFolder(), mine: emptyFolder(), closed: emptyFolder() },
    counts: null,
    threads: {},
    pending: {},
    typing: {},
    removed: {},
  };
}

/** Unassigned: longest waiting first. Mine: latest activity first. Closed: latest closed first. */
export function compareInFolder(folder: TFolder, a: TConversationDto, b: TConversationDto): number {
  if (folder === 'unassigned') return (a.waitingSince ?? a.createdAt) - (b.waitingSince ?? b.createdAt);
  if (folder === 'closed') return (b.closedAt ?? b.lastMessageAt) - (a.closedAt ?? a.lastMessageAt);
  return b.lastMessageAt - a.lastMessageAt;
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
      if (inList) next[folder] = { ...current, ids: without };
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
    next[folder] = { ...current, ids };
  }
  return next;
}

export function lastSeqOf(thread: ThreadState | undefined): number {
  const last = thread?.messages[thread.messages.length - 1];
  return last?.seq ?? 0;
}

function withMessages(
  state: InboxState,
  conversationId: string,
  messages: TMessageDto[],
  status?: ThreadState['status'],
): InboxState {
  const thread = state.threads[conversationId];
  const merged = mergeMessages(thread?.messages ?? [], messages);
  const acked = new Set(messages.map((m) => m.clientMsgId).filter((id): id is string => id !== null));
  const pending = state.pending[conversationId];
  const remaining = pending?.filter((p) => !acked.has(p.clientMsgId));
  const typing = messages.some((m) => m.author.kind === 'visitor')
    ? omit(state.typing, conversationId)
    : state.typing;
  return {
    ...state,
    threads: {
      ...state.threads,
      [conversationId]: { messages: merged, status: status ?? thread?.status ?? 'ready' },
    },
    pending:
      pending && remaining && remaining.length !== pending.length
        ? { ...state.pending, [conversationId]: remaining }
        : state.pending,
    typing,
  };
}

function omit<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/** Every message of every conversation not yet stored, in the one queue's order (R28). */
export function sendQueue(state: InboxState): (PendingMessage & { conversationId: string })[] {
  return Object.entries(state.pending)
    .flatMap(([conversationId, list]) => list.map((p) => ({ ...p, conversationId })))
    .sort((a, b) => a.queuedAt - b.queuedAt);
}

export function inboxReducer(state: InboxState, action: InboxAction): InboxState {
  switch (action.type) {
    case 'folder_loading': {
      const current = state.folders[action.folder];
      const sameQuery = current.query === action.query && (current.label ?? '') === (action.label ?? '');
      return {
        ...state,
        folders: {
          ...state.folders,
          [action.folder]: {
            ...current,
            status: 'loading',
            query: action.query,
            label: action.label ?? '',
            ids: sameQuery ? current.ids : [],
          },
        },
      };
    }
    case 'folder_loaded': {
      const conversations = { ...state.conversations };
      for (const item of action.items) conversations[item.id] = item;
      const current = state.folders[action.folder];
      const ids = action.append
        ? [...current.ids, ...action.items.map((c) => c.id).filter((id) => !current.ids.includes(id))]
        : action.items.map((c) => c.id);
      return {
        ...state,
        conversations,
        folders: {
          ...state.folders,
          [action.folder]: {
            ids,
            nextCursor: action.nextCursor,
            status: 'ready',
            query: action.query,
            label: action.label ?? '',
            ...(action.snippets ? { snippets: action.snippets } : {}),
          },
        },
      };
    }
    case 'folder_error':
      return {
        ...state,
        folders: { ...state.folders, [action.folder]: { ...state.folders[action.folder], status: 'error' } },
      };
    case 'counts':
      return { ...state, counts: action.counts };
    case 'conversation': {
      const previous = state.conversations[action.conversation.id];
      // Frames can cross REST answers: never let an older snapshot replace a newer one.
      if (
        previous &&
        previous.lastSeq > action.conversation.lastSeq &&
        previous.status === action.conversation.status
      )
        return state;
      const conversations = { ...state.conversations, [action.conversation.id]: action.conversation };
      return {
        ...state,
        conversations,
        folders: placeInFolders(state, action.conversation, conversations),
        removed: omit(state.removed, action.conversation.id),
      };
    }
    case 'conversation_removed': {
      const next = { ...state.folders };
      for (const folder of folders)
        next[folder] = {
          ...next[folder],
          ids: next[folder].ids.filter((id) => id !== action.conversationId),
        };
      return {
        ...state,
        conversations: omit(state.conversations, action.conversationId),
        folders: next,
        threads: omit(state.threads, action.conversationId),
        typing: omit(state.typing, action.conversationId),
        removed: { ...state.removed, [action.conversationId]: true },
      };
    }
    case 'thread_loading': {
      const thread = state.threads[action.conversationId];
      return {
        ...state,
        threads: {
          ...state.threads,
          [action.conversationId]: {
            messages: thread?.messages ?? [],
            status: thread?.status === 'ready' ? 'ready' : 'loading',
          },
        },
      };
    }
    case 'thread_loaded':
      return withMessages(state, action.conversationId, action.messages, 'ready');
    case 'thread_failed':
      return {
        ...state,
        threads: {
          ...state.threads,
          [action.conversationId]: {
            messages: state.threads[action.conversationId]?.messages ?? [],
            status: action.notFound ? 'not_found' : 'error',
          },
        },
      };
    case 'messages':
      if (!state.threads[action.conversationId]) return state;
      return withMessages(state, action.conversationId, action.messages);
    case 'pending_add':
      return {
        ...state,
        pending: {
          ...state.pending,
          [action.conversationId]: [...(state.pending[action.conversationId] ?? []), action.pending],
        },
      };
    case 'pending_failed': {
      const list = state.pending[action.conversationId];
      if (!list) return state;
      const next = list.map((p) =>
        p.clientMsgId === action.clientMsgId ? { ...p, state: 'failed' as const, error: action.error } : p,
      );
      return { ...state, pending: { ...state.pending, [action.conversationId]: next } };
    }
    case 'pending_retry': {
      // A retried message joins the end of the queue, and of the bubbles under the thread.
      const list = state.pending[action.conversationId] ?? [];
      const item = list.find((p) => p.clientMsgId === action.clientMsgId);
      if (item?.state !== 'failed') return state;
      const retried: PendingMessage = {
        ...item,
        state: 'sending',
        error: undefined,
        queuedAt: action.queuedAt,
      };
      const next = [...list.filter((p) => p !== item), retried];
      return { ...state, pending: { ...state.pending, [action.conversationId]: next } };
    }
    case 'typing':
      return {
        ...state,
        typing: action.active
          ? {
              ...state.typing,
              [action.conversationId]: {
                name: action.name,
                preview: action.preview,
                until: action.now + 6000,
              },
            }
          : omit(state.typing, action.conversationId),
      };
    case 'reset_lists':
      return {
        ...state,
        folders: {
          unassigned: { ...state.folders.unassigned, status: 'idle' },
          mine: { ...state.folders.mine, status: 'idle' },
          closed: { ...state.folders.closed, status: 'idle' },
        },
      };
  }
}

/** Who may see a conversation, as the DTO tells it (R14, R29). */
export function visibilityOf(c: TConversationDto) {
  return { status: c.status, assigneeId: c.assignee?.id ?? null, readerIds: c.readerIds };
}
