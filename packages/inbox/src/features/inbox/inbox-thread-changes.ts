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

export function threadLoading(state: InboxState, action: ActionOf<'thread_loading'>): InboxState {
  const thread = state.threads[action.conversationId];
  const loading: ThreadState = {
    messages: thread?.messages ?? [],
    status: thread?.status === 'ready' ? 'ready' : 'loading',
  };
  return { ...state, threads: { ...state.threads, [action.conversationId]: loading } };
}

export function threadFailed(state: InboxState, action: ActionOf<'thread_failed'>): InboxState {
  const failed: ThreadState = {
    messages: state.threads[action.conversationId]?.messages ?? [],
    status: action.notFound ? 'not_found' : 'error',
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
