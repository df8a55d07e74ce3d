import type {
  TAttachmentDto,
  TConversationActivity,
  TConversationDto,
  TFolder,
  TFolderCountsDto,
  THighlightSegment,
  TMessageDto,
  TRichText,
} from '@charla/protocol';
import { folderOf } from '@charla/protocol/client';
import {
  conversationActivity,
  conversationChanged,
  conversationRead,
  conversationRemoved,
  folderFailed,
  folderLoaded,
  folderLoading,
  listsReset,
} from './inbox-folder-changes';
import {
  olderLoaded,
  olderStatus,
  pendingAdded,
  pendingFailed,
  pendingRetried,
  threadClosed,
  threadFailed,
  threadLoaded,
  threadLoading,
  typingChanged,
  withMessages,
} from './inbox-thread-changes';

// The folder rule lives in the shared client core; re-exported for the views with the folders' order.
export { folderOf };
export { compareInFolder, folders } from './inbox-folder-changes';

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
  /**
   * While loading: the rows frames brought in or took out meanwhile. The page may have been read
   * before those changes; it must not undo them (a chat created during the fetch stays listed).
   */
  live?: Record<string, 'in' | 'out'>;
};
export type ThreadState = {
  messages: TMessageDto[];
  status: 'loading' | 'ready' | 'error' | 'not_found';
  /**
   * Older history on the server (issue 25: a thread opens on its latest page and pages back as
   * the user scrolls up): `more` not loaded yet, `loading`, `none` (the first message is held),
   * `error` (the last attempt failed; scrolling up tries again).
   */
  older: 'more' | 'loading' | 'none' | 'error';
};
export type PendingMessage = {
  clientMsgId: string;
  body: TRichText;
  /** Files sent with it (issue 17), already uploaded: the queue sends their ids, the bubble shows them. */
  attachments?: TAttachmentDto[];
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
  | { type: 'read'; conversationId: string; side: 'user' | 'visitor'; seq: number }
  | { type: 'activity'; conversationId: string; activity: TConversationActivity }
  | { type: 'thread_loading'; conversationId: string }
  /** The thread left the screen: it keeps its latest `keep` messages only. */
  | { type: 'thread_closed'; conversationId: string; keep: number }
  | { type: 'thread_loaded'; conversationId: string; messages: TMessageDto[]; hasOlder?: boolean }
  | { type: 'older_loading'; conversationId: string }
  | {
      type: 'older_loaded';
      conversationId: string;
      /** The oldest message held when asked: a thread loaded afresh meanwhile ignores the page. */
      beforeSeq: number;
      messages: TMessageDto[];
      hasOlder: boolean;
    }
  | { type: 'older_failed'; conversationId: string }
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

export function lastSeqOf(thread: ThreadState | undefined): number {
  const last = thread?.messages[thread.messages.length - 1];
  return last?.seq ?? 0;
}

/** Every message of every conversation not yet stored, in the one queue's order (R28). */
export function sendQueue(state: InboxState): (PendingMessage & { conversationId: string })[] {
  return Object.entries(state.pending)
    .flatMap(([conversationId, list]) => list.map((p) => ({ ...p, conversationId })))
    .sort((a, b) => a.queuedAt - b.queuedAt);
}

export function inboxReducer(state: InboxState, action: InboxAction): InboxState {
  switch (action.type) {
    case 'folder_loading':
      return folderLoading(state, action);
    case 'folder_loaded':
      return folderLoaded(state, action);
    case 'folder_error':
      return folderFailed(state, action);
    case 'counts':
      return { ...state, counts: action.counts };
    case 'conversation':
      return conversationChanged(state, action);
    case 'conversation_removed':
      return conversationRemoved(state, action);
    case 'read':
      return conversationRead(state, action);
    case 'activity':
      return conversationActivity(state, action);
    case 'reset_lists':
      return listsReset(state);
    case 'thread_loading':
      return threadLoading(state, action);
    case 'thread_loaded':
      return threadLoaded(state, action);
    case 'thread_closed':
      return threadClosed(state, action);
    case 'older_loading':
    case 'older_failed':
      return olderStatus(state, action.conversationId, action.type === 'older_loading' ? 'loading' : 'error');
    case 'older_loaded':
      return olderLoaded(state, action);
    case 'thread_failed':
      return threadFailed(state, action);
    case 'messages':
      if (!state.threads[action.conversationId]) return state;
      return withMessages(state, action.conversationId, action.messages);
    case 'pending_add':
      return pendingAdded(state, action);
    case 'pending_failed':
      return pendingFailed(state, action);
    case 'pending_retry':
      return pendingRetried(state, action);
    case 'typing':
      return typingChanged(state, action);
  }
}

/** Who may see a conversation, as the DTO tells it (R14, R29). */
export function visibilityOf(c: TConversationDto) {
  return { status: c.status, assigneeId: c.assignee?.id ?? null, readerIds: c.readerIds };
}
