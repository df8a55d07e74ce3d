import { lastSeqOf, nextHiddenMessage, reduce, visibleMessages, type TChatAction } from '../state/chat-state';
import { botTypingDelayMs } from '../state/typing-delay';
import type { TControllerContext } from './context';

/** Every state change goes through the pure `reduce`; what changed is persisted, then views render. */
export function dispatch(ctx: TControllerContext, action: TChatAction): void {
  const previous = ctx.state;
  ctx.state = reduce(ctx.state, action);
  if (ctx.state === previous) return;
  const { storage } = ctx.deps;
  if (ctx.state.outbox !== previous.outbox) storage.setOutbox(ctx.state.outbox);
  // Only a conversation the server confirmed is remembered; forgetting one is explicit.
  const conversationId = ctx.state.conversation?.id ?? null;
  const lastSeq = lastSeqOf(ctx.state);
  if (conversationId && (conversationId !== ctx.stored.conversationId || lastSeq > ctx.stored.lastSeq)) {
    ctx.stored = { conversationId, startKey: null, lastSeq };
    storage.setConversation(ctx.stored);
  }
  scheduleReveal(ctx);
  markRead(ctx);
  for (const listener of ctx.listeners) listener(ctx.state);
}

/** Bot messages arrive together; show them one by one behind a short typing indicator. */
function scheduleReveal(ctx: TControllerContext): void {
  if (ctx.revealTimer !== undefined) return;
  const hidden = nextHiddenMessage(ctx.state);
  const delay = hidden ? botTypingDelayMs(hidden) : 0;
  ctx.botTyping = hidden !== null && delay > 0;
  if (!hidden) return;
  ctx.revealTimer = setTimeout(() => {
    ctx.revealTimer = undefined;
    dispatch(ctx, { type: 'reveal', seq: hidden.seq });
  }, delay);
}

/** Tells the server what the visitor has seen, while the chat is visible. */
export function markRead(ctx: TControllerContext): void {
  if (!ctx.visible || !ctx.state.conversation) return;
  const seen = visibleMessages(ctx.state).at(-1)?.seq ?? 0;
  if (seen <= ctx.lastReadSent) return;
  if (!ctx.socket.send({ type: 'read', conversationId: ctx.state.conversation.id, seq: seen })) return;
  ctx.lastReadSent = seen;
  // The server does not echo a read to the socket that reported it (issue 25); other tabs hear of it.
  dispatch(ctx, { type: 'visitorRead', seq: seen });
}

/** The server refused the item: failed with the reason, never sent again on its own. */
export function refuse(ctx: TControllerContext, clientMsgId: string, code: string): void {
  dispatch(ctx, { type: 'failed', clientMsgId, error: code });
  ctx.sender.settled(clientMsgId);
}

export function forgetConversation(ctx: TControllerContext): void {
  dispatch(ctx, {
    type: 'outbox',
    outbox: ctx.state.outbox.filter((item) => item.conversationId !== ctx.state.conversation?.id),
  });
  dispatch(ctx, { type: 'reset' });
  // Last: a dispatch while the conversation was still in the state would remember it again.
  ctx.stored = { conversationId: null, startKey: null, lastSeq: 0 };
  ctx.deps.storage.setConversation(ctx.stored);
}
