import type { TMessageDto } from '@charla/protocol';
import { mergeMessages } from '@charla/protocol/client';
import { withoutKey } from './inbox-folder-changes';
import type { InboxAction, InboxState, PendingMessage, ThreadState } from './inbox-state';

/** How the inbox state's threads change: messages, the send queue (R28) and typing. */

type ActionOf<T extends InboxAction['type']> = Extract<InboxAction, { type: T }>;

/** Typing shows for this long after the last signal. */
const TYPING_SHOWN_MS = 6000;

/** Merges messages into a thread; those that acknowledge queued ones take their place. */
export function withMessages(
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
    ? withoutKey(state.typing, conversationId)
    : state.typing;
  const next: ThreadState = {
    messages: merged,
    status: status ?? thread?.status ?? 'ready',
    older: thread?.older ?? 'none',
  };
  return {
    ...state,
    threads: { ...state.threads, [conversationId]: next },
    pending:
      pending && remaining && remaining.length !== pending.length
        ? { ...state.pending, [conversationId]: remaining }
        : state.pending,
    typing,
  };
}

/**
 * A thread's latest page, fetched on opening: it replaces what an earlier visit held (messages
 * that came while the thread was closed would otherwise leave a gap before this page).
 */
export function threadLoaded(state: InboxState, action: ActionOf<'thread_loaded'>): InboxState {
  const thread: ThreadState = { messages: [], status: 'ready', older: action.hasOlder ? 'more' : 'none' };
  const cleared = { ...state, threads: { ...state.threads, [action.conversationId]: thread } };
  return withMessages(cleared, action.conversationId, action.messages, 'ready');
}

/** Older history put before what the thread holds. */
export function olderLoaded(state: InboxState, action: ActionOf<'older_loaded'>): InboxState {
  const thread = state.threads[action.conversationId];
  if (thread?.messages[0]?.seq !== action.beforeSeq) return state;
  const older: ThreadState['older'] = action.hasOlder ? 'more' : 'none';
  const marked = { ...state, threads: { ...state.threads, [action.conversationId]: { ...thread, older } } };
  return withMessages(marked, action.conversationId, action.messages);
}

export function olderStatus(
  state: InboxState,
  conversationId: string,
  older: ThreadState['older'],
): InboxState {
  const thread = state.threads[conversationId];
  if (!thread || thread.older === older) return state;
  return { ...state, threads: { ...state.threads, [conversationId]: { ...thread, older } } };
}

export function threadLoading(state: InboxState, action: ActionOf<'thread_loading'>): InboxState {
  const thread = state.threads[action.conversationId];
  const loading: ThreadState = {
    messages: thread?.messages ?? [],
    status: thread?.status === 'ready' ? 'ready' : 'loading',
    older: thread?.older ?? 'none',
  };
  return { ...state, threads: { ...state.threads, [action.conversationId]: loading } };
}

/**
 * A thread that left the screen keeps only its latest messages (issue 25): reopening shows them at
 * once while the latest page loads, and a long session does not hold every long thread it opened.
 */
export function threadClosed(state: InboxState, action: ActionOf<'thread_closed'>): InboxState {
  const thread = state.threads[action.conversationId];
  if (!thread || thread.messages.length <= action.keep) return state;
  const kept: ThreadState = { ...thread, messages: thread.messages.slice(-action.keep), older: 'more' };
  return { ...state, threads: { ...state.threads, [action.conversationId]: kept } };
}

export function threadFailed(state: InboxState, action: ActionOf<'thread_failed'>): InboxState {
  const failed: ThreadState = {
    messages: state.threads[action.conversationId]?.messages ?? [],
    status: action.notFound ? 'not_found' : 'error',
    older: state.threads[action.conversationId]?.older ?? 'none',
  };
  return { ...state, threads: { ...state.threads, [action.conversationId]: failed } };
}

export function pendingAdded(state: InboxState, action: ActionOf<'pending_add'>): InboxState {
  const list = [...(state.pending[action.conversationId] ?? []), action.pending];
  return { ...state, pending: { ...state.pending, [action.conversationId]: list } };
}

export function pendingFailed(state: InboxState, action: ActionOf<'pending_failed'>): InboxState {
  const list = state.pending[action.conversationId];
  if (!list) return state;
  const next = list.map((p) =>
    p.clientMsgId === action.clientMsgId ? { ...p, state: 'failed' as const, error: action.error } : p,
  );
  return { ...state, pending: { ...state.pending, [action.conversationId]: next } };
}

/** A retried message joins the end of the queue, and of the bubbles under the thread. */
export function pendingRetried(state: InboxState, action: ActionOf<'pending_retry'>): InboxState {
  const list = state.pending[action.conversationId] ?? [];
  const item = list.find((p) => p.clientMsgId === action.clientMsgId);
  if (item?.state !== 'failed') return state;
  const retried: PendingMessage = { ...item, state: 'sending', error: undefined, queuedAt: action.queuedAt };
  const next = [...list.filter((p) => p !== item), retried];
  return { ...state, pending: { ...state.pending, [action.conversationId]: next } };
}

export function typingChanged(state: InboxState, action: ActionOf<'typing'>): InboxState {
  if (!action.active) return { ...state, typing: withoutKey(state.typing, action.conversationId) };
  const shown = { name: action.name, preview: action.preview, until: action.now + TYPING_SHOWN_MS };
  return { ...state, typing: { ...state.typing, [action.conversationId]: shown } };
}
